package dev.pixelstep.asl.internal.runtime;

/** The last event id of one thread of control (the top level, a Parallel branch or a Map iteration). */
final class EventChain {

    private long last;

    EventChain(long last) {
        this.last = last;
    }

    long last() {
        return last;
    }

    void moveTo(long id) {
        last = id;
    }
}

package dev.pixelstep.asl.internal.runtime;

import java.util.HashSet;
import java.util.Set;

/**
 * The threads currently working for an execution (or for one Parallel/Map state), so that all of them can be
 * interrupted at once. A thread registering after {@link #interruptAll()} is interrupted immediately.
 */
final class ThreadRegistry {

    private final Set<Thread> threads = new HashSet<>();
    private boolean interrupted;

    synchronized void register() {
        Thread current = Thread.currentThread();
        threads.add(current);
        if (interrupted) {
            current.interrupt();
        }
    }

    synchronized void unregister() {
        threads.remove(Thread.currentThread());
    }

    synchronized void interruptAll() {
        interrupted = true;
        threads.forEach(Thread::interrupt);
    }

    synchronized boolean isInterrupted() {
        return interrupted;
    }
}

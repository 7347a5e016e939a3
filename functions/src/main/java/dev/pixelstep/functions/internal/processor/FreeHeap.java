package dev.pixelstep.functions.internal.processor;

/**
 * What the heap can still take: its maximum less what is in use. Garbage not yet collected counts
 * as in use, so the figure errs low; callers that must not refuse on garbage collect and measure
 * again. The one place the processor's memory decisions (the plan's check, the number of workers,
 * background uploads) read the heap.
 */
final class FreeHeap {

    private FreeHeap() {
    }

    /** The bytes the heap can still take now. */
    static long bytes() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }
}

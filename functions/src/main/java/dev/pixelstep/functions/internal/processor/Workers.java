package dev.pixelstep.functions.internal.processor;

/**
 * How many independent outputs to compute at once: at most one per available processor, and no
 * more than the free heap can hold (each worker holds about three images: the operation's
 * result, its intermediate buffers and the encoded bytes).
 */
final class Workers {

    private static final int IMAGES_PER_WORKER = 3;

    private Workers() {
    }

    static int count(int tasks, long bytesPerImage) {
        long byHeap = Math.max(1, FreeHeap.bytes() / Math.max(1, bytesPerImage * IMAGES_PER_WORKER));
        return (int) Math.max(1, Math.min(Math.min(tasks, Runtime.getRuntime().availableProcessors()), byHeap));
    }
}

package dev.pixelstep.functions.internal.processor;

import dev.pixelstep.functions.internal.image.EncodedImage;

/** Where the chain runner puts each encoded output; called from worker threads, so implementations are thread-safe. */
@FunctionalInterface
public interface OutputSink {

    /** Stores {@code image} under {@code key}. */
    void accept(String key, EncodedImage image);
}

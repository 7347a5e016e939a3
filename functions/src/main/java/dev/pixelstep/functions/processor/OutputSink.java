package dev.pixelstep.functions.processor;

import dev.pixelstep.functions.image.EncodedImage;

/** Where the chain runner puts each encoded output; called from worker threads, so implementations are thread-safe. */
@FunctionalInterface
public interface OutputSink {

    /** Stores {@code image} under {@code key}. */
    void accept(String key, EncodedImage image);
}

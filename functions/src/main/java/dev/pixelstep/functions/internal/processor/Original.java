package dev.pixelstep.functions.internal.processor;

import dev.pixelstep.spi.ImageSize;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The decoded original handed over to the {@link ChainRunner}, which lets go of it once its last
 * reader (the last output computed from it) has read it, so that the rest of the work runs
 * without it: whoever makes one keeps no other reference to the image, or it stays on the heap
 * anyway. Thread-safe.
 */
public final class Original {

    private final ImageSize size;
    private BufferedImage image;
    private int readers = -1;

    /** Takes {@code image} over; the caller drops its own references to it. */
    public Original(BufferedImage image) {
        this.image = Objects.requireNonNull(image, "image");
        this.size = ImageSize.of(image);
    }

    /** The original's size, also once it is released. */
    public ImageSize size() {
        return size;
    }

    /** Sets how many times {@link #read} will be called; the last call releases the image. */
    synchronized void expectReaders(int count) {
        if (count < 1 || readers >= 0) {
            throw new IllegalStateException("readers already set or fewer than 1: " + readers + ", " + count);
        }
        readers = count;
    }

    /**
     * Applies {@code reader} to the image and returns its result; after the last expected reader
     * the image is released (its result may still be the image itself, e.g. the empty chain's).
     */
    BufferedImage read(UnaryOperator<BufferedImage> reader) {
        BufferedImage source;
        synchronized (this) {
            if (image == null) {
                throw new IllegalStateException("the original was released: every expected reader has read it");
            }
            source = image;
        }
        try {
            return reader.apply(source);
        } finally {
            synchronized (this) {
                if (--readers == 0) {
                    image = null;
                }
            }
        }
    }

    /** Whether the image is still held (for tests). */
    synchronized boolean held() {
        return image != null;
    }
}

package dev.pixelstep.functions.support;

import dev.pixelstep.functions.internal.analyser.Channel;
import dev.pixelstep.functions.internal.analyser.ImageHistogram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions on {@link ImageHistogram}s. */
public final class Histograms {

    private Histograms() {
    }

    /** {@code actual} has {@code expected}'s width, height and every count of every channel. */
    public static void assertSame(ImageHistogram expected, ImageHistogram actual, String what) {
        assertEquals(expected.width(), actual.width(), what + ": width");
        assertEquals(expected.height(), actual.height(), what + ": height");
        for (Channel channel : Channel.values()) {
            assertArrayEquals(expected.counts(channel), actual.counts(channel), what + ": " + channel.id());
        }
    }
}

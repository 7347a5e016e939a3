package dev.pixelstep.operations.raster;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class ChannelPairTableTest {

    private static final IntBinaryOperator SHARPEN = (c, blurred) -> c + (((c - blurred) * 300 + 128) >> 8);

    @Test
    void everyChannelIsTheFunctionOfBothImagesClampedAndAlphaComesFromTheFirst() {
        SplittableRandom random = new SplittableRandom(2026);
        int n = 300_000; // above the parallel threshold: bands on every processor
        int[] in = new int[n];
        int[] other = new int[n];
        for (int i = 0; i < n; i++) {
            in[i] = random.nextInt();
            other[i] = random.nextInt();
        }
        int[] expected = new int[n];
        for (int i = 0; i < n; i++) {
            int p = in[i];
            int q = other[i];
            expected[i] = (p & 0xff000000) | clamped(p >> 16 & 0xff, q >> 16 & 0xff) << 16
                    | clamped(p >> 8 & 0xff, q >> 8 & 0xff) << 8 | clamped(p & 0xff, q & 0xff);
        }

        int[] out = new int[n];
        ChannelPairTable.of(SHARPEN).apply(in, other, out);
        assertArrayEquals(expected, out);

        ChannelPairTable.of(SHARPEN).apply(in, other, other); // in place over the second image, as the blur combines do
        assertArrayEquals(expected, other);
    }

    private static int clamped(int c, int blurred) {
        return Math.max(0, Math.min(255, SHARPEN.applyAsInt(c, blurred)));
    }
}

package dev.pixelstep.functions.internal.image;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ForwardDct} with its scale folded out ({@link ForwardDct#quantisers} of all ones) is JPEG's DCT by its definition. */
class ForwardDctTest {

    @Test
    void givesTheDefinitionsCoefficientsOnRandomBlocksInABand() {
        Random random = new Random(7);
        int stride = 24; // a band three blocks wide
        float[] band = new float[8 * stride];
        for (int i = 0; i < band.length; i++) {
            band[i] = random.nextInt(256) - 128;
        }
        float[] samples = band.clone();
        int[] ones = new int[64];
        Arrays.fill(ones, 1);
        float[] scale = ForwardDct.quantisers(ones);
        ForwardDct.columns(band, 0, stride, stride);
        float[] block = new float[64];
        for (int b = 0; b < 3; b++) {
            ForwardDct.rows(band, 8 * b, stride, block);
            for (int v = 0; v < 8; v++) {
                for (int u = 0; u < 8; u++) {
                    double expected = definition(samples, 8 * b, stride, u, v);
                    assertEquals(expected, block[8 * v + u] * scale[8 * v + u], 1e-3, "block " + b + ", u=" + u + ", v=" + v);
                }
            }
        }
    }

    /** F(u, v) = 1/4 C(u) C(v) sum f(x, y) cos((2x + 1) u pi / 16) cos((2y + 1) v pi / 16), C(0) = 1/sqrt(2), else 1. */
    private static double definition(float[] plane, int offset, int stride, int u, int v) {
        double sum = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                sum += plane[offset + y * stride + x] * Math.cos((2 * x + 1) * u * Math.PI / 16) * Math.cos((2 * y + 1) * v * Math.PI / 16);
            }
        }
        return 0.25 * (u == 0 ? Math.sqrt(0.5) : 1) * (v == 0 ? Math.sqrt(0.5) : 1) * sum;
    }
}

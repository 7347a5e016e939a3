package dev.pixelstep.functions.internal.image;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ForwardDct} with its scale folded out ({@link ForwardDct#quantisers} of all ones) is JPEG's DCT by its definition. */
class ForwardDctTest {

    @Test
    void givesTheDefinitionsCoefficientsOnRandomBlocksSideBySide() {
        Random random = new Random(7);
        int blocks = 37; // not a multiple of any vector length, so the JIT's scalar tail loops count too
        float[][] planes = new float[64 + 64][blocks]; // a second block's planes after the first, to check the base
        float[][] samples = new float[64][blocks];
        for (int n = 0; n < 64; n++) {
            for (int i = 0; i < blocks; i++) {
                samples[n][i] = random.nextInt(256) - 128;
                planes[64 + n][i] = samples[n][i];
            }
        }
        int[] ones = new int[64];
        Arrays.fill(ones, 1);
        float[] scale = ForwardDct.quantisers(ones);
        for (int run = 0; run < 2000; run++) { // until the JIT has compiled (and vectorised) the loops
            float[][] copy = new float[128][];
            for (int n = 0; n < 128; n++) {
                copy[n] = planes[n].clone();
            }
            ForwardDct.columns(copy, 64, blocks);
            ForwardDct.rows(copy, 64, blocks);
            if (run % 500 == 0 || run == 1999) {
                for (int i = 0; i < blocks; i++) {
                    for (int v = 0; v < 8; v++) {
                        for (int u = 0; u < 8; u++) {
                            double expected = definition(samples, i, u, v);
                            assertEquals(expected, copy[64 + 8 * v + u][i] * scale[8 * v + u], 1e-3,
                                    "block " + i + ", u=" + u + ", v=" + v + ", run " + run);
                        }
                    }
                }
                for (int n = 0; n < 64; n++) {
                    assertEquals(0, copy[n][0], "the planes before base are left alone");
                }
            }
        }
    }

    /** F(u, v) = 1/4 C(u) C(v) sum f(x, y) cos((2x + 1) u pi / 16) cos((2y + 1) v pi / 16), C(0) = 1/sqrt(2), else 1. */
    private static double definition(float[][] samples, int block, int u, int v) {
        double sum = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                sum += samples[8 * y + x][block] * Math.cos((2 * x + 1) * u * Math.PI / 16) * Math.cos((2 * y + 1) * v * Math.PI / 16);
            }
        }
        return 0.25 * (u == 0 ? Math.sqrt(0.5) : 1) * (v == 0 ? Math.sqrt(0.5) : 1) * sum;
    }
}

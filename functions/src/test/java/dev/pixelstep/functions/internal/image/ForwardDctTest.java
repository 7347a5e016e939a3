package dev.pixelstep.functions.internal.image;

import org.junit.jupiter.api.Test;

import javax.imageio.plugins.jpeg.JPEGQTable;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ForwardDct}, in fixed point, against JPEG's DCT by its definition in double precision:
 * its outputs with the scale folded out, and the coefficients {@link ForwardDct.Quantisers} makes
 * of them, on random blocks and on the blocks that drive each coefficient to its largest magnitude
 * (where an {@code int} would overflow first).
 */
class ForwardDctTest {

    private static final double ONE = 1 << ForwardDct.SAMPLE_BITS;

    @Test
    void outputsAreTheDefinitionsCoefficientsWithinFourTenthsOnRandomAndExtremeBlocks() {
        int[][] samples = blocks(new Random(7), 37);
        double[] s = scales();
        double worst = 0;
        for (int run = 0; run < 2000; run++) { // until the JIT has compiled (and vectorised) the loops
            int[][] planes = transformed(samples);
            if (run % 500 == 0 || run == 1999) {
                for (int i = 0; i < samples[0].length; i++) {
                    for (int n = 0; n < 64; n++) {
                        double scale = 8 * s[n >> 3] * s[n & 7] * ONE;
                        double exact = definition(samples, i, n);
                        double error = Math.abs(exact - planes[64 + n][i] / scale);
                        worst = Math.max(worst, error / bound());
                        assertTrue(error <= bound(), "block " + i + ", coefficient " + n + ", run " + run + ": off by " + error);
                    }
                }
                for (int n = 0; n < 64; n++) {
                    assertEquals(0, planes[n][0], "the planes before base are left alone");
                }
            }
        }
        System.out.println("ForwardDct's largest error, as a share of its bound: " + worst);
    }

    @Test
    void quantisedCoefficientsAreTheDefinitionsRoundedAtEveryQuality() {
        int[][] samples = blocks(new Random(11), 101);
        int[][] planes = transformed(samples);
        for (int quality : new int[] {1, 50, 90, 100}) {
            for (int[] base : new int[][] {JPEGQTable.K1Luminance.getTable(), JPEGQTable.K2Chrominance.getTable()}) {
                int[] quant = JpegTables.scaled(base, quality);
                ForwardDct.Quantisers quantisers = ForwardDct.Quantisers.of(quant);
                int off = 0;
                int total = 0;
                for (int i = 0; i < samples[0].length; i++) {
                    for (int n = 0; n < 64; n++) {
                        double exact = definition(samples, i, n) / quant[n];
                        long product = (long) planes[64 + n][i] * quantisers.multiplier()[n] + (1L << (quantisers.shift()[n] - 1));
                        assertTrue(Math.abs(product) <= Integer.MAX_VALUE, "an int holds the product");
                        int coefficient = (int) (product >> quantisers.shift()[n]);
                        // the exact value rounded half up, or its neighbour where the exact value is within the error of a half
                        double distance = Math.abs(coefficient - Math.floor(exact + 0.5));
                        assertTrue(distance == 0 || distance == 1 && Math.abs(exact - Math.floor(exact) - 0.5) <= bound() / quant[n],
                                "q" + quality + ", block " + i + ", coefficient " + n + ": " + coefficient + " for " + exact);
                        off += distance == 0 ? 0 : 1;
                        total++;
                    }
                }
                System.out.println("q" + quality + ": " + off + " of " + total + " coefficients off by one");
                assertTrue(off <= total / (quality == 100 ? 50 : 200), "q" + quality + ": " + off + " of " + total + " coefficients off by one");
            }
        }
    }

    /**
     * Samples with {@link ForwardDct#SAMPLE_BITS} fraction bits, blocks across: random ones, then
     * per coefficient the block of -128 and 127.9375 by the sign of its basis function (the
     * coefficient's largest magnitude, and every intermediate value near its largest), and flat
     * blocks at both ends.
     */
    private static int[][] blocks(Random random, int randomBlocks) {
        int blocks = randomBlocks + 2 * 64 + 2;
        int[][] samples = new int[64][blocks];
        int lowest = -128 << ForwardDct.SAMPLE_BITS;
        int highest = (128 << ForwardDct.SAMPLE_BITS) - 1;
        for (int n = 0; n < 64; n++) {
            for (int i = 0; i < randomBlocks; i++) {
                samples[n][i] = lowest + random.nextInt(highest - lowest + 1);
            }
        }
        for (int c = 0; c < 64; c++) {
            for (int n = 0; n < 64; n++) {
                double basis = Math.cos((2 * (n & 7) + 1) * (c & 7) * Math.PI / 16) * Math.cos((2 * (n >> 3) + 1) * (c >> 3) * Math.PI / 16);
                samples[n][randomBlocks + 2 * c] = basis >= 0 ? highest : lowest;
                samples[n][randomBlocks + 2 * c + 1] = basis >= 0 ? lowest : highest;
            }
        }
        for (int n = 0; n < 64; n++) {
            samples[n][blocks - 2] = lowest;
            samples[n][blocks - 1] = highest;
        }
        return samples;
    }

    /** Both halves of the transform on a copy of {@code samples}, laid out after 64 planes that must stay zero. */
    private static int[][] transformed(int[][] samples) {
        int blocks = samples[0].length;
        int[][] planes = new int[128][blocks];
        for (int n = 0; n < 64; n++) {
            planes[64 + n] = samples[n].clone();
        }
        ForwardDct.columns(planes, 64, blocks);
        ForwardDct.rows(planes, 64, blocks);
        return planes;
    }

    /**
     * The largest error allowed for a coefficient: 0.4 (measured: 0.13 on random blocks, 0.35 on the
     * extreme ones, from the rounding of the first pass's products to 1/16; the float transform this
     * replaced was within 0.001, and libjpeg's {@code islow}, the JDK writer's, rounds its first
     * pass to 1/4).
     */
    private static double bound() {
        return 0.4;
    }

    private static double[] scales() {
        double[] s = new double[8];
        Arrays.setAll(s, k -> k == 0 ? 1 : Math.sqrt(2) * Math.cos(k * Math.PI / 16));
        return s;
    }

    /**
     * F(u, v) = 1/4 C(u) C(v) sum f(x, y) cos((2x + 1) u pi / 16) cos((2y + 1) v pi / 16), C(0) = 1/sqrt(2), else 1,
     * for n = 8v + u, of the samples as levels (without their fraction scale).
     */
    private static double definition(int[][] samples, int block, int n) {
        int u = n & 7;
        int v = n >> 3;
        double sum = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                sum += samples[8 * y + x][block] / ONE * Math.cos((2 * x + 1) * u * Math.PI / 16) * Math.cos((2 * y + 1) * v * Math.PI / 16);
            }
        }
        return 0.25 * (u == 0 ? Math.sqrt(0.5) : 1) * (v == 0 ? Math.sqrt(0.5) : 1) * sum;
    }
}

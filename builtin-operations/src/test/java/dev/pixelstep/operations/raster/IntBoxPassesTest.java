package dev.pixelstep.operations.raster;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The box passes' running sums, rings and strips compute exactly the integer arithmetic they
 * stand for: each pass written out here as a plain sum over its window, per pixel, with the image
 * extended by its edge pixels. A schedule that reads a wrong row or column (an off-by-one in a
 * ring, a row overwritten before it is read, a strip's edge) changes some pixel, even where the
 * result would stay within {@link BoxGaussianTest}'s tolerance of the Gaussian.
 */
class IntBoxPassesTest {

    @Test
    void equalsThePassesSummedPixelByPixel() {
        qt().withExamples(40).forAll(integers().between(1, 70), integers().between(1, 70), doubles().between(4.01, 100), integers().all())
                .checkAssert((w, h, sigma, seed) -> assertEqualsDirectSums(w, h, sigma, seed));
    }

    @Test
    void equalsThePassesSummedPixelByPixelAcrossStripsAndBands() {
        assertEqualsDirectSums(1100, 40, 30, 1);
        assertEqualsDirectSums(40, 700, 100, 2);
        assertEqualsDirectSums(513, 9, 5, 3);
    }

    @Test
    void equalsThePassesSummedPixelByPixelOnOnePixelLinesWhateverTheReach() {
        // the rows' extended box copies the pixels either side of each place into line, and the packing runs along whole rows
        for (double sigma : new double[] {4.01, 37, 100}) {
            assertEqualsDirectSums(1, 1, sigma, 4);
            assertEqualsDirectSums(1, 300, sigma, 5);
            assertEqualsDirectSums(300, 1, sigma, 6);
            assertEqualsDirectSums(2, 3, sigma, 7);
        }
    }

    @Test
    void greyImagesEqualThePassesSummedPixelByPixel() {
        // GRAY blurs one plane and packs it into all three channels, each pixel keeping its alpha bits
        qt().withExamples(20).forAll(integers().between(1, 600), integers().between(1, 40), doubles().between(4.01, 100), integers().all())
                .checkAssert((w, h, sigma, seed) -> assertEqualsDirectSums(w, h, sigma, seed, SeparableGaussian.Mode.GRAY));
        assertEqualsDirectSums(1100, 7, 60, 8, SeparableGaussian.Mode.GRAY);
    }

    @Test
    void bothWeightingsOfTheExtendedBoxEqualThePassesSummedPixelByPixel() {
        // the weighting in doubles (JDK 25 and later) and the 64-bit one in the running sums' loops (JDK 17), both on this JVM
        qt().withExamples(30).forAll(integers().between(1, 70), integers().between(1, 70), doubles().between(4.01, 100), integers().all())
                .checkAssert((w, h, sigma, seed) -> assertBothWeightingsEqualDirectSums(ExactGaussianTest.random(w * h, seed, false), w, h, sigma));
        assertBothWeightingsEqualDirectSums(ExactGaussianTest.random(1100 * 40, 9, false), 1100, 40, 30);
    }

    @Test
    void doubleWeightingIsExactAtTheLargestSumsOfEverySigma() {
        // white (every sum at its largest, the products near 4096 * 2^40 = 2^52) and white next to black
        // (sums of every size): a double that rounded would move some pixel by one level
        for (double sigma : new double[] {4.01, 4.5, 7.3, 12, 33.3, 100, 171.7, 250, BoxGaussian.MAX_SIGMA}) {
            int w = 40;
            int h = 5;
            int[] white = new int[w * h];
            int[] halves = new int[w * h];
            for (int i = 0; i < white.length; i++) {
                white[i] = 0xffffffff;
                halves[i] = i % w < w / 2 ? 0xffffffff : 0xff000000;
            }
            assertBothWeightingsEqualDirectSums(white, w, h, sigma);
            assertBothWeightingsEqualDirectSums(halves, w, h, sigma);
        }
    }

    @Test
    void theWeightingIsVectorisedFromJdk25On() {
        assertFalse(IntBoxPasses.weightingVectorises(17));
        assertTrue(IntBoxPasses.weightingVectorises(25));
    }

    private static void assertBothWeightingsEqualDirectSums(int[] source, int w, int h, double sigma) {
        BoxGaussian.Passes passes = BoxGaussian.Passes.of(sigma);
        int[] expected = direct(source, w, h, passes);
        for (boolean vectorised : new boolean[] {true, false}) {
            int[] actual = new int[source.length];
            IntBoxPasses.blur(source, actual, w, h, passes, SeparableGaussian.Mode.RGB, vectorised);
            assertArrayEquals(expected, actual, (vectorised ? "doubles " : "longs ") + w + "x" + h + " sigma " + sigma);
        }
    }

    private static void assertEqualsDirectSums(int w, int h, double sigma, long seed) {
        assertEqualsDirectSums(w, h, sigma, seed, SeparableGaussian.Mode.RGB);
    }

    /** With {@code GRAY} on a grey image (each pixel's blue copied to red and green), which RGB's direct sums also describe. */
    private static void assertEqualsDirectSums(int w, int h, double sigma, long seed, SeparableGaussian.Mode mode) {
        int[] source = ExactGaussianTest.random(w * h, seed, false);
        if (mode == SeparableGaussian.Mode.GRAY) {
            for (int i = 0; i < source.length; i++) {
                int blue = source[i] & 0xff;
                source[i] = (source[i] & 0xff0000ff) | blue << 16 | blue << 8;
            }
        }
        BoxGaussian.Passes passes = BoxGaussian.Passes.of(sigma);
        int[] actual = new int[source.length];
        IntBoxPasses.blur(source, actual, w, h, passes, mode);
        assertArrayEquals(direct(source, w, h, passes), actual, mode + " " + w + "x" + h + " sigma " + sigma);
    }

    /** The three passes along x, then along y, each pixel's sums taken afresh over the extended image. */
    private static int[] direct(int[] source, int w, int h, BoxGaussian.Passes passes) {
        int[] target = new int[source.length];
        for (int i = 0; i < source.length; i++) {
            target[i] = source[i] & 0xff000000;
        }
        for (int shift = 0; shift <= 16; shift += 8) {
            long[][] plane = new long[h][w];
            for (int y = 0; y < h; y++) {
                long[] line = new long[w];
                for (int x = 0; x < w; x++) {
                    int sixteen = ((source[y * w + x] >> shift) & 0xff) << 8;
                    line[x] = (sixteen + 8L) >>> 4;
                }
                plane[y] = passes(line, passes);
            }
            for (int x = 0; x < w; x++) {
                long[] column = new long[h];
                for (int y = 0; y < h; y++) {
                    column[y] = plane[y][x];
                }
                long[] filtered = passes(column, passes);
                for (int y = 0; y < h; y++) {
                    target[y * w + x] |= (int) Math.min(255, ((filtered[y] << 4) + 128) >> 8) << shift;
                }
            }
        }
        return target;
    }

    /**
     * Two plain boxes of the passes' radius and the normalising extended box along one line
     * extended by its ends: each pass's value at every place it is read, summed afresh over its window.
     */
    private static long[] passes(long[] line, BoxGaussian.Passes passes) {
        int n = line.length;
        int r = passes.radius();
        int e = passes.last();
        int reach = passes.reach();
        // index i of these arrays is place i - reach of the line
        long[] extended = new long[n + 2 * reach];
        for (int i = 0; i < extended.length; i++) {
            extended[i] = line[Math.min(n - 1, Math.max(0, i - reach))];
        }
        long[] once = window(extended, r, r);
        long[] twice = window(once, 2 * r, r);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            int at = i + reach;
            long sum = 0;
            for (int k = -e; k <= e; k++) {
                sum += twice[at + k];
            }
            long edges = twice[at - e - 1] + twice[at + e + 1];
            out[i] = (sum * passes.inner() + edges * passes.outer() + twice[at] * passes.centre() + BoxGaussian.ROUND)
                    >>> BoxGaussian.SHIFT;
        }
        return out;
    }

    /** Sums of {@code values[i - r .. i + r]} for every i at least {@code valid} from both ends (0 elsewhere). */
    private static long[] window(long[] values, int valid, int r) {
        long[] sums = new long[values.length];
        for (int i = valid; i < values.length - valid; i++) {
            for (int k = -r; k <= r; k++) {
                sums[i] += values[i + k];
            }
        }
        return sums;
    }
}

package dev.pixelstep.operations.raster;

import dev.pixelstep.operations.raster.Resampler.Filter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/** The resampler's taps stay bounded at any scale, and a window is exactly that part of the whole. */
class ResamplerTest {

    @Test
    void theTapsPerPassAreBoundedWhateverTheShrink() {
        // before issue 15 a 50x shrink took 2 x 50 + 1 = 101 taps per pass with the triangle filter (lanczos3 would take 301)
        qt().withExamples(200).forAll(integers().between(1, 65535), integers().between(1, 8192)).checkAssert((source, target) -> {
            for (Filter filter : Filter.values()) {
                double bound = filter == Filter.NEAREST ? 1 : 2 * Math.ceil(filter.radius() * 4) + 1; // residual scale below 4
                assertTrue(Resampler.taps(source, target, filter) <= bound,
                        filter + " " + source + " -> " + target + ": " + Resampler.taps(source, target, filter));
            }
        });
        assertEquals(13, Resampler.taps(50_000, 1000, Filter.LANCZOS3), 0); // box 25, residual 2: 2 ceil(3 x 2) + 1
    }

    @Test
    void aWindowIsExactlyThatPartOfTheWholeResampledImage() {
        qt().withExamples(40).forAll(integers().between(1, 40), integers().between(1, 40), integers().between(1, 90), integers().between(1, 90))
                .checkAssert((sw, sh, tw, th) -> {
                    int[] source = new int[sw * sh];
                    java.util.Random random = new java.util.Random(sw * 31L + sh);
                    for (int i = 0; i < source.length; i++) {
                        source[i] = random.nextInt();
                    }
                    for (Filter filter : Filter.values()) {
                        int[] whole = new int[tw * th];
                        Resampler.resample(source, sw, sh, whole, tw, th, true, filter);
                        int x0 = tw / 3;
                        int y0 = th / 4;
                        int dw = Math.max(1, tw / 2);
                        int dh = Math.max(1, th / 2);
                        int[] window = new int[dw * dh];
                        Resampler.resample(source, sw, sh, tw, th, x0, y0, window, dw, dh, true, filter);
                        int[] expected = new int[dw * dh];
                        for (int y = 0; y < dh; y++) {
                            System.arraycopy(whole, (y0 + y) * tw + x0, expected, y * dw, dw);
                        }
                        assertArrayEquals(expected, window, filter.toString());
                    }
                });
    }
}

package dev.pixelstep.operations.effect;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.operations.reference.ReferencePointOperations;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import dev.pixelstep.testkit.photos.BenchmarkImages;
import dev.pixelstep.testkit.photos.TestPhotos;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;

class VignetteTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "vignette";
    }

    /**
     * Issue 13: each row computes and scales only its two ends, copying the span around the middle column whose
     * pixels are no farther from the centre than {@code start}; the pixels must be exactly those of the previous
     * formulation ({@link ReferencePointOperations#vignette}, every pixel computed) on a photo, on images of one
     * pixel, one row, one column, odd and even sizes, with alpha, and at the parameters' edges.
     */
    @Test
    void skippingTheUnchangedMiddleGivesThePreviousPixels() {
        BufferedImage photo = BenchmarkImages.decode(TestPhotos.jpeg());
        double[][] parameters = {{0.5, 0.5}, {1, 0}, {1, 1}, {0, 0.5}, {0.7, 0.3}, {1, 0.99}, {1, 0.01}, {0.33, 0.8}};
        for (double[] p : parameters) {
            String chain = "vignette(strength=" + p[0] + ", start=" + p[1] + ")";
            assertArrayEquals(Pixels.argb(ReferencePointOperations.vignette(photo, p[0], p[1])),
                    Pixels.argb(BuiltIns.apply(chain, photo)), chain + " on the photo");
            java.util.Random random = new java.util.Random(5);
            for (int[] size : new int[][] {{1, 1}, {1, 2}, {2, 1}, {1, 9}, {9, 1}, {2, 2}, {3, 3}, {5, 4}, {4, 5}, {301, 257}}) {
                BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_ARGB);
                for (int y = 0; y < size[1]; y++) {
                    for (int x = 0; x < size[0]; x++) {
                        image.setRGB(x, y, random.nextInt());
                    }
                }
                image.setRGB(0, 0, 0x00ffffff);
                assertArrayEquals(Pixels.argb(ReferencePointOperations.vignette(image, p[0], p[1])),
                        Pixels.argb(BuiltIns.apply(chain, image)), chain + " on " + size[0] + "x" + size[1]);
            }
        }
    }

    @Test
    void strengthZeroKeepsTheImage() {
        theory().forAll(Images.any()).checkAssert(sample ->
                assertArrayEquals(Pixels.argb(sample.image()), Pixels.argb(BuiltIns.apply("vignette(strength=0)", sample.image()))));
    }

    @Test
    void neverLightensAnyChannel() {
        theory().forAll(Images.any(), doubles().between(0, 1), doubles().between(0, 1)).checkAssert((sample, strength, start) -> {
            int[] in = Pixels.argb(sample.image());
            int[] out = Pixels.argb(BuiltIns.apply("vignette(strength=" + strength + ", start=" + start + ")", sample.image()));
            for (int i = 0; i < in.length; i++) {
                assertTrue(Pixels.red(out[i]) <= Pixels.red(in[i]) && Pixels.green(out[i]) <= Pixels.green(in[i])
                        && Pixels.blue(out[i]) <= Pixels.blue(in[i]));
            }
        });
    }

    @Test
    void fullStrengthBlackensTheCornersAndSparesTheCentre() {
        int[] white = new int[101 * 101];
        java.util.Arrays.fill(white, 0xffffff);
        int[] out = Pixels.argb(BuiltIns.apply("vignette(strength=1, start=0.5)", Pixels.image(101, 101, false, white)));
        assertEquals(0xffffffff, out[50 * 101 + 50], "centre");
        assertTrue(Pixels.red(out[0]) < 8, "corner " + Integer.toHexString(out[0]));
    }

    @Test
    void everyPixelIsTheDocumentedFactorAppliedWhateverTheSizeOrBands() {
        // a row and its mirror share one row of factors: a pairing that skipped or repeated a row (odd heights, the middle
        // row, a band's edge) would leave pixels of the source or darken them twice
        int[][] sizes = {{1, 1}, {5, 1}, {1, 6}, {64, 7}, {63, 8}, {900, 301}, {301, 900}};
        for (int[] size : sizes) {
            int w = size[0];
            int h = size[1];
            int[] pixels = new int[w * h];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = 0x80000000 | (i * 2654435761L > 0 ? (int) (i * 2654435761L) : i) & 0xffffff;
            }
            int[] out = Pixels.argb(BuiltIns.apply("vignette(strength=0.8, start=0.25)", Pixels.image(w, h, true, pixels)));
            double cx = w / 2.0;
            double cy = h / 2.0;
            double half = Math.sqrt(cx * cx + cy * cy);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double dx = (x + 0.5 - cx) / half;
                    double dy = (y + 0.5 - cy) / half;
                    double t = Math.max(0, Math.min(1, (Math.sqrt(dx * dx + dy * dy) - 0.25) / 0.75));
                    int f = (int) Math.round((1 - 0.8 * t * t * (3 - 2 * t)) * 256);
                    int p = pixels[y * w + x];
                    int expected = (p & 0xff000000) | (((p >> 16 & 0xff) * f + 128) >> 8) << 16 | (((p >> 8 & 0xff) * f + 128) >> 8) << 8
                            | ((p & 0xff) * f + 128) >> 8;
                    assertEquals(expected, out[y * w + x], w + "x" + h + " at " + x + "," + y);
                }
            }
        }
    }
}

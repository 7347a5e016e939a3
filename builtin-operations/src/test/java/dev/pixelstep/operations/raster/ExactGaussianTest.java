package dev.pixelstep.operations.raster;

import dev.pixelstep.operations.reference.ReferenceGaussian;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

/** The fused exact kernel gives exactly the pixels of the two-pass kernel it replaced (the reference oracle). */
class ExactGaussianTest {

    @Test
    void isBitIdenticalToTheReferenceForRandomImagesAndSigmas() {
        qt().withExamples(150).forAll(integers().between(1, 90), integers().between(1, 90), doubles().between(0.5, 8), integers().all())
                .checkAssert((w, h, sigma, seed) -> {
                    for (SeparableGaussian.Mode mode : new SeparableGaussian.Mode[] {SeparableGaussian.Mode.RGB, SeparableGaussian.Mode.PREMULTIPLIED}) {
                        int[] source = random(w * h, seed, mode == SeparableGaussian.Mode.PREMULTIPLIED);
                        int[] expected = new int[source.length];
                        int[] actual = new int[source.length];
                        ReferenceGaussian.blur(source, expected, w, h, sigma, ReferenceGaussian.Mode.valueOf(mode.name()));
                        ExactGaussian.blur(source, actual, w, h, GaussianKernel.of(sigma), mode);
                        assertArrayEquals(expected, actual, w + "x" + h + " sigma " + sigma + " " + mode);
                    }
                });
    }

    @Test
    void isBitIdenticalToTheReferenceOnImagesLargeEnoughForParallelBands() {
        int w = 700;
        int h = 300;
        for (double sigma : new double[] {0.5, 2, 3.7}) {
            int[] source = random(w * h, 42, true);
            for (SeparableGaussian.Mode mode : new SeparableGaussian.Mode[] {SeparableGaussian.Mode.RGB, SeparableGaussian.Mode.PREMULTIPLIED}) {
                int[] expected = new int[source.length];
                int[] actual = new int[source.length];
                ReferenceGaussian.blur(source, expected, w, h, sigma, ReferenceGaussian.Mode.valueOf(mode.name()));
                ExactGaussian.blur(source, actual, w, h, GaussianKernel.of(sigma), mode);
                assertArrayEquals(expected, actual, "sigma " + sigma + " " + mode);
            }
        }
    }

    @Test
    void isBitIdenticalToTheReferenceAcrossStripsOfColumns() {
        int strip = ExactGaussian.STRIP;
        qt().withExamples(40).forAll(integers().between(strip - 13, 2 * strip + 13), integers().between(1, 12), doubles().between(0.5, 4), integers().all())
                .checkAssert((w, h, sigma, seed) -> {
                    for (SeparableGaussian.Mode mode : SeparableGaussian.Mode.values()) {
                        int[] source = random(w * h, seed, mode == SeparableGaussian.Mode.PREMULTIPLIED);
                        if (mode == SeparableGaussian.Mode.GRAY) {
                            for (int i = 0; i < source.length; i++) {
                                source[i] = (source[i] & 0xff0000ff) | (source[i] & 0xff) * 0x010100;
                            }
                        }
                        int[] expected = new int[source.length];
                        int[] actual = new int[source.length];
                        ReferenceGaussian.Mode reference = mode == SeparableGaussian.Mode.GRAY ? ReferenceGaussian.Mode.RGB
                                : ReferenceGaussian.Mode.valueOf(mode.name());
                        ReferenceGaussian.blur(source, expected, w, h, sigma, reference);
                        ExactGaussian.blur(source, actual, w, h, GaussianKernel.of(sigma), mode);
                        assertArrayEquals(expected, actual, w + "x" + h + " sigma " + sigma + " " + mode);
                    }
                });
    }

    @Test
    void greyImagesAreBlurredAsOneChannelWithTheSameResultAsThreeChannels() {
        qt().withExamples(60).forAll(integers().between(1, 90), integers().between(1, 90), doubles().between(0.5, 100), integers().all())
                .checkAssert((w, h, sigma, seed) -> {
                    int[] source = random(w * h, seed, true);
                    for (int i = 0; i < source.length; i++) {
                        int v = source[i] & 0xff;
                        source[i] = (source[i] & 0xff000000) | v << 16 | v << 8 | v;
                    }
                    assertEquals(true, GrayPixels.all(source));
                    int[] three = new int[source.length];
                    int[] one = new int[source.length];
                    if (sigma <= SeparableGaussian.EXACT_UP_TO) {
                        ExactGaussian.blur(source, three, w, h, GaussianKernel.of(sigma), SeparableGaussian.Mode.RGB);
                    } else {
                        BoxGaussian.blur(source, three, w, h, sigma, SeparableGaussian.Mode.RGB);
                    }
                    SeparableGaussian.blur(source, one, w, h, sigma, SeparableGaussian.Mode.RGB); // picks GRAY
                    assertArrayEquals(three, one, w + "x" + h + " sigma " + sigma);
                });
    }

    /** Random pixels with runs, flat patches and full-range alpha (transparent and opaque included). */
    static int[] random(int n, long seed, boolean alpha) {
        Random random = new Random(seed);
        int[] pixels = new int[n];
        for (int i = 0; i < n; i++) {
            int p = random.nextInt(4) == 0 && i > 0 ? pixels[i - 1] : random.nextInt();
            if (alpha) {
                int a = switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> 255;
                    default -> random.nextInt(256);
                };
                p = (p & 0xffffff) | a << 24;
            }
            pixels[i] = p;
        }
        return pixels;
    }
}

package dev.pixelstep.operations.blur;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.ImageContent;
import dev.pixelstep.testkit.gen.ImageType;
import dev.pixelstep.testkit.gen.Images;
import dev.pixelstep.testkit.gen.SampleImage;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;

class GaussianBlurTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "blur";
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false; // alpha is blurred with the colours
    }

    @Test
    void keepsAFlatImageExactlyFlat() {
        theory().forAll(Images.flat(48), doubles().between(0.5, 100)).checkAssert((sample, radius) -> {
            BufferedImage image = sample.image();
            int[] in = Pixels.visible(image);
            int[] out = Pixels.visible(BuiltIns.apply("blur(radius=" + radius + ")", image));
            assertArrayEquals(in, out, "flat colour changed");
        });
    }

    @Test
    void keepsTheMeanOfEachChannel() {
        Gen<SampleImage> images = Images.of(16, 48, Arrays.asList(ImageContent.values()), ImageType.RGB, ImageType.BGR, ImageType.GRAY);
        theory().forAll(images, doubles().between(0.5, 3)).checkAssert((sample, radius) -> {
            int[] in = Pixels.argb(sample.image());
            int[] out = Pixels.argb(BuiltIns.apply("blur(radius=" + radius + ")", sample.image()));
            // Only the extended edges move the mean: per edge at most 255 times the kernel's first
            // moment on one side (below 0.5 sigma), over the image's width or height; plus rounding.
            // (A fixed tolerance of 6 failed for 2-pixel stripes of opposite colours, 17x16, sigma 1.83.)
            double bound = 2 * 255 * 0.5 * radius * (1.0 / sample.width() + 1.0 / sample.height()) + 0.5;
            for (int shift = 0; shift < 24; shift += 8) {
                final int s = shift;
                double before = Arrays.stream(in).map(p -> (p >> s) & 0xff).average().orElseThrow();
                double after = Arrays.stream(out).map(p -> (p >> s) & 0xff).average().orElseThrow();
                assertEquals(before, after, bound, "mean of channel at bit " + shift);
            }
        });
    }

    @Test
    void smoothsNoise() {
        Gen<SampleImage> noise = Images.of(8, 48, java.util.List.of(ImageContent.NOISE), ImageType.RGB);
        theory().forAll(noise).checkAssert(sample -> {
            int[] in = Pixels.argb(sample.image());
            int[] out = Pixels.argb(BuiltIns.apply("blur(radius=2)", sample.image()));
            assertTrue(variation(out, sample.width()) * 3 < variation(in, sample.width()), "blur must smooth noise");
        });
    }

    @Test
    void transparentPixelsDoNotBleedTheirColour() {
        // left half invisible red, right half opaque blue: the visible colour nearby stays blue
        int[] pixels = new int[16];
        for (int x = 0; x < 16; x++) {
            pixels[x] = x < 8 ? 0x00ff0000 : 0xff0000ff;
        }
        int[] out = Pixels.argb(BuiltIns.apply("blur(radius=2)", Pixels.image(16, 1, true, pixels)));
        for (int x = 0; x < 16; x++) {
            if (Pixels.alpha(out[x]) > 0) {
                assertEquals(0, Pixels.red(out[x]), "pixel " + x + " " + Integer.toHexString(out[x]));
            }
        }
        assertTrue(Pixels.alpha(out[7]) > 0 && Pixels.alpha(out[8]) < 255, "alpha is blurred across the edge");
    }

    private static long variation(int[] pixels, int width) {
        long sum = 0;
        for (int i = 1; i < pixels.length; i++) {
            if (i % width != 0) {
                sum += Math.abs(Pixels.green(pixels[i]) - Pixels.green(pixels[i - 1]));
            }
        }
        return sum;
    }
}

package dev.pixelstep.operations.detail;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

class NoiseTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "noise";
    }

    private static BufferedImage grey(int width, int height) {
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, 0x808080);
        return Pixels.image(width, height, false, pixels);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        theory().forAll(integers().between(0, Integer.MAX_VALUE - 1)).checkAssert(seed -> {
            BufferedImage image = grey(32, 16);
            int[] first = Pixels.argb(BuiltIns.apply("noise(amount=20, seed=" + seed + ")", image));
            assertArrayEquals(first, Pixels.argb(BuiltIns.apply("noise(amount=20, seed=" + seed + ")", image)));
            assertFalse(Arrays.equals(first, Pixels.argb(BuiltIns.apply("noise(amount=20, seed=" + (seed + 1) + ")", image))));
        });
    }

    /**
     * A 600x400 image is worked in parallel bands, its 70x50 top-left corner on one thread: the
     * noise of a pixel depends on the seed and its place only, whatever the number of bands.
     */
    @Test
    void doesNotDependOnBandsOrThreads() {
        BufferedImage large = grey(600, 400);
        BufferedImage corner = grey(70, 50);
        int[] big = Pixels.argb(BuiltIns.apply("noise(amount=30, seed=7)", large));
        int[] small = Pixels.argb(BuiltIns.apply("noise(amount=30, seed=7)", corner));
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 70; x++) {
                assertEquals(big[y * 600 + x], small[y * 70 + x], "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void hasTheDeclaredStandardDeviationAndNoBias() {
        for (String mono : new String[] {"false", "true"}) {
            int[] out = Pixels.argb(BuiltIns.apply("noise(amount=20, seed=3, monochrome=" + mono + ")", grey(256, 256)));
            for (int shift = 0; shift <= 16; shift += 8) {
                double sum = 0;
                double squares = 0;
                for (int p : out) {
                    int d = ((p >> shift) & 0xff) - 128;
                    sum += d;
                    squares += (double) d * d;
                }
                double mean = sum / out.length;
                double sd = Math.sqrt(squares / out.length - mean * mean);
                assertEquals(0, mean, 0.3, "mean offset");
                assertEquals(20, sd, 0.4, "standard deviation");
            }
            if (mono.equals("true")) {
                assertTrue(Arrays.stream(out).allMatch(p -> Pixels.red(p) == Pixels.green(p) && Pixels.green(p) == Pixels.blue(p)), "grey grain");
            }
        }
    }

    @Test
    void amountZeroKeepsTheImage() {
        theory().forAll(Images.any()).checkAssert(sample ->
                assertArrayEquals(Pixels.argb(sample.image()), Pixels.argb(BuiltIns.apply("noise(amount=0, seed=5)", sample.image()))));
    }
}

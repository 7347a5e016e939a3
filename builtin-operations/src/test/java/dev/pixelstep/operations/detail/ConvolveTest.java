package dev.pixelstep.operations.detail;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.spi.chain.InvalidChainException;
import dev.pixelstep.spi.param.Parameters;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class ConvolveTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "convolve";
    }

    /** Kernels of every side with weights -9..9 (sums of 0 included), and any offset. */
    private static Gen<String> kernels() {
        Gen<Integer> side = org.quicktheories.generators.Generate.pick(java.util.List.of(3, 5, 7));
        Gen<Integer> weight = integers().between(-9, 9);
        return in -> {
            int n = side.generate(in);
            return IntStream.range(0, n * n).mapToObj(i -> Integer.toString(weight.generate(in))).collect(Collectors.joining(" "));
        };
    }

    @Override
    protected Gen<Parameters> parameterValues() {
        return kernels().zip(doubles().between(-255, 255), (kernel, offset) ->
                Parameters.of(operation(), Map.of("kernel", kernel, "offset", offset)));
    }

    /**
     * Regression: with 12-bit weights, each weight over the kernel's sum was rounded by up to half a
     * step in the same direction (1 / 8192 of 4096 rounds up, -1 / 8192 too) and the centre took the
     * rest, so a dark centre among bright neighbours came out more than a level off the formula. Here the
     * formula gives exactly 128.
     */
    @Test
    void weightsRoundedTheSameWayDoNotAddUp() {
        StringBuilder kernel = new StringBuilder();
        for (int i = 0; i < 49; i++) {
            kernel.append(i == 24 ? "8192" : (i % 2 == 0 ? "1" : "-1")).append(' ');
        }
        int[] pixels = new int[49];
        for (int i = 0; i < 49; i++) {
            pixels[i] = i == 24 ? 0 : 0xffffff;
        }
        BufferedImage image = Pixels.image(7, 7, false, pixels);
        // sum 8192; a black centre, and as many weights of +1 as of -1 on white: exactly 128
        int[] out = Pixels.argb(BuiltIns.apply("convolve(kernel=\"" + kernel.toString().strip() + "\", offset=128)", image));
        assertEquals(128, Pixels.red(out[24]), "the centre pixel (12-bit weights gave 129)");
        assertMatchesTheFormula(image, kernel.toString().strip(), 128);
    }

    @Test
    void theIdentityKernelKeepsTheImage() {
        theory().forAll(Images.any()).checkAssert(sample -> assertArrayEquals(Pixels.argb(sample.image()),
                Pixels.argb(BuiltIns.apply("convolve(kernel=\"0 0 0 0 1 0 0 0 0\")", sample.image()))));
    }

    /** Against the formula in doubles: weights over their sum (or 1), edges clamped, rounded; 1 level for the fixed point. */
    @Test
    void isTheNormalisedWeightedSum() {
        theory().forAll(Images.upTo(20), kernels(), integers().between(-50, 50)).checkAssert((sample, kernel, offset) ->
                assertMatchesTheFormula(sample.image(), kernel, offset));
    }

    private static void assertMatchesTheFormula(BufferedImage image, String kernel, int offset) {
        int[] in = Pixels.argb(image);
        int[] out = Pixels.argb(BuiltIns.apply("convolve(kernel=\"" + kernel + "\", offset=" + offset + ")", image));
        double[] w = Convolve.weights(kernel);
        int n = (int) Math.sqrt(w.length);
        double sum = java.util.Arrays.stream(w).sum();
        double scale = sum == 0 ? 1 : sum;
        int width = image.getWidth();
        int height = image.getHeight();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    double v = offset;
                    for (int j = 0; j < n; j++) {
                        for (int i = 0; i < n; i++) {
                            int sx = Math.min(width - 1, Math.max(0, x + i - n / 2));
                            int sy = Math.min(height - 1, Math.max(0, y + j - n / 2));
                            v += w[j * n + i] / scale * ((in[sy * width + sx] >> shift) & 0xff);
                        }
                    }
                    int expected = (int) Math.max(0, Math.min(255, Math.floor(v + 0.5)));
                    int got = (out[y * width + x] >> shift) & 0xff;
                    assertTrue(Math.abs(expected - got) <= 1, "pixel " + x + "," + y + " channel at " + shift + ": " + got + " vs " + expected);
                }
            }
        }
    }

    @Test
    void aMalformedKernelIsRefusedWhenTheChainIsRead() {
        for (String kernel : new String[] {"1 2 3", "1 1 1 1 1 1 1 1", "1 1 1 1 x 1 1 1 1", "1,1,1,1,1,1,1,1,1", "",
                "1 1 1 1 1 1 1 1 1 1", "99999 1 1 1 1 1 1 1 1"}) {
            InvalidChainException e = assertThrows(InvalidChainException.class,
                    () -> BuiltIns.REGISTRY.parse("convolve(kernel=\"" + kernel + "\")"), kernel);
            assertEquals(InvalidChainException.Reason.INVALID_VALUE, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("9, 25 or 49 numbers"), e.getMessage());
        }
    }

    @Test
    void aBoxKernelKeepsAFlatImageFlat() {
        String box = String.join(" ", java.util.Collections.nCopies(49, "1"));
        theory().forAll(Images.flat(30)).checkAssert(sample -> assertArrayEquals(Pixels.argb(sample.image()),
                Pixels.argb(BuiltIns.apply("convolve(kernel=\"" + box + "\")", sample.image()))));
    }
}

package dev.pixelstep.examples.duotone;

import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.param.Parameters;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The pixelstep contract for {@code duotone} (inherited), plus what duotone itself promises: every
 * output colour lies on the dark-light gradient, a gray ramp runs monotonically from dark to light, and
 * black-to-white duotone is the built-in grayscale.
 */
class DuotoneOperationTest extends ImageOperationContract {

    private static final int[] SHIFTS = {16, 8, 0};

    @Override
    protected String operationName() {
        return DuotoneOperation.NAME;
    }

    /** Every output colour is one of the 256 rounded steps from dark to light, and alpha is the source's. */
    @Test
    void everyOutputPixelLiesOnTheGradient() {
        ImageOperation op = operation();
        theory().forAll(images(), parameterValues()).checkAssert((sample, parameters) -> {
            int dark = parameters.get(DuotoneOperation.DARK).getRGB();
            int light = parameters.get(DuotoneOperation.LIGHT).getRGB();
            int[] out = Pixels.argb(op.apply(sample.image(), parameters));
            Map<Integer, Boolean> onGradient = new HashMap<>();
            for (int i = 0; i < out.length; i++) {
                int rgb = out[i] & 0xffffff;
                if (!onGradient.computeIfAbsent(rgb, c -> isGradientStep(c, dark, light))) {
                    fail(String.format("pixel %d is #%06x, not on the gradient from #%06x to #%06x", i, rgb, dark & 0xffffff, light & 0xffffff));
                }
            }
        });
    }

    /** Grays from black to white become colours that move steadily from dark to light in every channel. */
    @Test
    void aGrayRampMapsMonotonicallyFromDarkToLight() {
        ImageOperation op = operation();
        theory().forAll(parameterValues(), booleans().all(), integers().between(0, 255)).checkAssert((parameters, withAlpha, alpha) -> {
            int[] ramp = new int[256];
            for (int gray = 0; gray < 256; gray++) {
                ramp[gray] = alpha << 24 | gray << 16 | gray << 8 | gray;
            }
            int[] out = Pixels.argb(op.apply(Pixels.image(256, 1, withAlpha, ramp), parameters));
            int dark = parameters.get(DuotoneOperation.DARK).getRGB();
            int light = parameters.get(DuotoneOperation.LIGHT).getRGB();
            assertEquals(dark & 0xffffff, out[0] & 0xffffff, "black becomes dark");
            assertEquals(light & 0xffffff, out[255] & 0xffffff, "white becomes light");
            for (int shift : SHIFTS) {
                int direction = Integer.signum((light >> shift & 0xff) - (dark >> shift & 0xff));
                for (int gray = 1; gray < 256; gray++) {
                    int step = (out[gray] >> shift & 0xff) - (out[gray - 1] >> shift & 0xff);
                    if (step * direction < 0 || (direction == 0 && step != 0)) {
                        fail("channel at bit " + shift + " turns back between gray " + (gray - 1) + " and " + gray
                                + " with " + parameters.asText());
                    }
                }
            }
        });
    }

    /** {@code duotone(dark=#000000, light=#ffffff)} gives the same pixels as {@code grayscale}, within rounding. */
    @Test
    void blackToWhiteIsGrayscale() {
        ImageOperation duotone = operation();
        ImageOperation grayscale = registry().get("grayscale");
        Parameters blackToWhite = Parameters.of(duotone, Map.of("dark", Color.BLACK, "light", Color.WHITE));
        theory().forAll(images()).checkAssert(sample -> {
            int[] expected = Pixels.argb(grayscale.apply(sample.image(), Parameters.defaults(grayscale)));
            int[] actual = Pixels.argb(duotone.apply(sample.image(), blackToWhite));
            for (int i = 0; i < expected.length; i++) {
                assertEquals(Pixels.alpha(expected[i]), Pixels.alpha(actual[i]), "alpha of pixel " + i + " of " + sample);
                for (int shift : SHIFTS) {
                    int difference = (expected[i] >> shift & 0xff) - (actual[i] >> shift & 0xff);
                    if (Math.abs(difference) > 1) {
                        fail(String.format("pixel %d of %s: grayscale #%08x, duotone #%08x", i, sample, expected[i], actual[i]));
                    }
                }
            }
        });
    }

    /** Whether {@code rgb} is {@code dark + (light - dark) * k / 255}, rounded per channel, for some k in 0..255. */
    private static boolean isGradientStep(int rgb, int dark, int light) {
        for (int k = 0; k < 256; k++) {
            boolean matches = true;
            for (int shift : SHIFTS) {
                int d = dark >> shift & 0xff;
                double exact = d + ((light >> shift & 0xff) - d) * k / 255.0;
                matches &= Math.abs((rgb >> shift & 0xff) - exact) <= 0.5 + 1e-9;
            }
            if (matches) {
                return true;
            }
        }
        return false;
    }
}

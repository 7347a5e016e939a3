package dev.pixelstep.operations.color;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

/** The colour operations of issue 15: each nested class runs the testkit contract and the operation's own properties. */
class ColourOperationsTest {

    @Nested
    class ModulateTest extends ImageOperationContract {
        @Override
        protected String operationName() {
            return "modulate";
        }

        @Test
        void theDefaultsKeepTheImageAndZeroBrightnessIsBlack() {
            theory().forAll(Images.any()).checkAssert(sample -> {
                assertArrayEquals(Pixels.argb(sample.image()), Pixels.argb(BuiltIns.apply("modulate", sample.image())));
                for (int p : Pixels.visible(BuiltIns.apply("modulate(brightness=0)", sample.image()))) {
                    assertEquals(0, p & 0xffffff);
                }
            });
        }

        @Test
        void saturationAloneIsTheSaturationOperation() {
            theory().forAll(Images.any(), doubles().between(0, 3)).checkAssert((sample, k) -> {
                int[] a = Pixels.argb(BuiltIns.apply("modulate(saturation=" + k + ")", sample.image()));
                int[] b = Pixels.argb(BuiltIns.apply("saturation(factor=" + k + ")", sample.image()));
                for (int i = 0; i < a.length; i++) {
                    for (int shift = 0; shift <= 24; shift += 8) {
                        assertTrue(Math.abs(((a[i] >> shift) & 0xff) - ((b[i] >> shift) & 0xff)) <= 1, "within a level");
                    }
                }
            });
        }
    }

    @Nested
    class ChannelMixTest extends ImageOperationContract {
        @Override
        protected String operationName() {
            return "channel-mix";
        }

        @Test
        void theIdentityKeepsTheImageAndASwapSwapsRedAndBlue() {
            theory().forAll(Images.any()).checkAssert(sample -> {
                int[] in = Pixels.argb(sample.image());
                assertArrayEquals(in, Pixels.argb(BuiltIns.apply("channel-mix", sample.image())));
                int[] out = Pixels.argb(BuiltIns.apply("channel-mix(rr=0, rb=1, br=1, bb=0)", sample.image()));
                for (int i = 0; i < in.length; i++) {
                    assertEquals((in[i] & 0xff00ff00) | (in[i] & 0xff) << 16 | (in[i] >> 16) & 0xff, out[i]);
                }
            });
        }
    }

    @Nested
    class NegateTest extends ImageOperationContract {
        @Override
        protected String operationName() {
            return "negate";
        }

        @Test
        void theDefaultsAreInvertAndChosenChannelsAloneChangeAndTwiceKeeps() {
            theory().forAll(Images.any(), integers().between(0, 7)).checkAssert((sample, mask) -> {
                BufferedImage image = sample.image();
                int[] in = Pixels.argb(image);
                assertArrayEquals(Pixels.argb(BuiltIns.apply("invert", image)), Pixels.argb(BuiltIns.apply("negate", image)));
                String chain = "negate(red=" + ((mask & 1) != 0) + ", green=" + ((mask & 2) != 0) + ", blue=" + ((mask & 4) != 0) + ")";
                BufferedImage once = BuiltIns.apply(chain, image);
                int[] out = Pixels.argb(once);
                int flip = ((mask & 1) != 0 ? 0xff0000 : 0) | ((mask & 2) != 0 ? 0xff00 : 0) | ((mask & 4) != 0 ? 0xff : 0);
                for (int i = 0; i < in.length; i++) {
                    assertEquals(in[i] ^ flip, out[i], chain);
                }
                assertArrayEquals(in, Pixels.argb(BuiltIns.apply(chain, once)), "twice keeps");
            });
        }
    }

    @Nested
    class TintTest extends ImageOperationContract {
        @Override
        protected String operationName() {
            return "tint";
        }

        @Test
        void keepsLumaAndTakesTheTintsChroma() {
            theory().forAll(integers().between(0, 255), integers().between(0, 0xffffff)).checkAssert((grey, tint) -> {
                int p = Pixels.argb(BuiltIns.apply("tint(colour=" + String.format("#%06x", tint) + ")",
                        Pixels.image(1, 1, false, grey << 16 | grey << 8 | grey)))[0];
                int ty = Grayscale.luma(tint);
                int[] t = {(tint >> 16) & 0xff, (tint >> 8) & 0xff, tint & 0xff};
                int[] o = {Pixels.red(p), Pixels.green(p), Pixels.blue(p)};
                boolean clamped = false;
                for (int c = 0; c < 3; c++) {
                    int expected = grey + t[c] - ty;
                    clamped |= expected < 0 || expected > 255;
                    assertEquals(Math.max(0, Math.min(255, expected)), o[c]);
                }
                if (!clamped) {
                    assertTrue(Math.abs(Grayscale.luma(p) - grey) <= 1, "luma kept");
                }
            });
        }
    }

    @Nested
    class TemperatureTest extends ImageOperationContract {
        @Override
        protected String operationName() {
            return "temperature";
        }

        @Test
        void sixtyFiveHundredKeepsTheImageLowerWarmsHigherCools() {
            theory().forAll(Images.any()).checkAssert(sample ->
                    assertArrayEquals(Pixels.argb(sample.image()), Pixels.argb(BuiltIns.apply("temperature(kelvin=6500)", sample.image()))));
            theory().forAll(doubles().between(1500, 6000), integers().between(20, 235)).checkAssert((kelvin, grey) -> {
                int g = grey << 16 | grey << 8 | grey;
                int warm = Pixels.argb(BuiltIns.apply("temperature(kelvin=" + kelvin + ")", Pixels.image(1, 1, false, g)))[0];
                assertTrue(Pixels.red(warm) >= grey && Pixels.blue(warm) < grey, "warmer: " + Integer.toHexString(warm));
                int cool = Pixels.argb(BuiltIns.apply("temperature(kelvin=" + (14000 - kelvin) + ")", Pixels.image(1, 1, false, g)))[0];
                assertTrue(Pixels.red(cool) < grey && Pixels.blue(cool) >= grey, "cooler: " + Integer.toHexString(cool));
            });
        }
    }

    @Nested
    class FlattenTest extends ImageOperationContract {
        @Override
        protected String operationName() {
            return "flatten";
        }

        @Test
        void opaquePixelsStayTransparentOnesTakeTheBackgroundAndHalfwayBlends() {
            theory().forAll(Images.withAlpha()).checkAssert(sample -> {
                int[] in = Pixels.argb(sample.image());
                int[] out = Pixels.argb(BuiltIns.apply("flatten(background=#204060)", sample.image()));
                for (int i = 0; i < in.length; i++) {
                    int a = in[i] >>> 24;
                    if (a == 255) {
                        assertEquals(in[i], out[i]);
                    } else if (a == 0) {
                        assertEquals(0xff204060, out[i]);
                    }
                    assertEquals(0xff, out[i] >>> 24, "opaque");
                }
            });
            int half = Pixels.argb(BuiltIns.apply("flatten(background=white)", Pixels.image(1, 1, true, 0x80000000)))[0];
            assertEquals(0xff7f7f7f, half, "128/255 black over white");
        }
    }
}

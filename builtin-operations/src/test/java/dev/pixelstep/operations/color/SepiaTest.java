package dev.pixelstep.operations.color;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.ImageType;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

class SepiaTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "sepia";
    }

    @Test
    void ofAGrayRampIsMonotoneInLuminance() {
        theory().forAll(doubles().between(0, 1)).checkAssert(intensity -> {
            int[] ramp = new int[256];
            for (int v = 0; v < 256; v++) {
                ramp[v] = v << 16 | v << 8 | v;
            }
            int[] out = Pixels.argb(BuiltIns.apply("sepia(intensity=" + intensity + ")", Pixels.image(256, 1, false, ramp)));
            for (int v = 1; v < 256; v++) {
                assertTrue(Grayscale.luma(out[v]) >= Grayscale.luma(out[v - 1]), "luma falls at gray " + v);
                assertTrue(Pixels.red(out[v]) >= Pixels.blue(out[v]), "sepia is warm at gray " + v);
            }
        });
    }

    @Test
    void zeroIntensityKeepsTheImage() {
        theory().forAll(Images.of(32, ImageType.RGB, ImageType.ARGB, ImageType.BGR)).checkAssert(sample -> {
            BufferedImage image = sample.image();
            assertArrayEquals(Pixels.argb(image), Pixels.argb(BuiltIns.apply("sepia(intensity=0)", image)));
        });
    }

    @Test
    void fullIntensityOfMidGrayIsBrown() {
        theory().forAll(integers().between(64, 160)).checkAssert(v -> {
            int p = Pixels.argb(BuiltIns.apply("sepia", Pixels.image(1, 1, false, v << 16 | v << 8 | v)))[0];
            assertTrue(Pixels.red(p) > Pixels.green(p) && Pixels.green(p) > Pixels.blue(p), Integer.toHexString(p));
        });
    }
}

package dev.pixelstep.operations.geometry;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

class SmartCropTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "smart-crop";
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false;
    }

    @Test
    void isAlwaysExactlyARectangleOfTheSource() {
        theory().forAll(Images.any(), integers().between(1, 70), integers().between(1, 70)).checkAssert((sample, w, h) -> {
            BufferedImage out = BuiltIns.apply("smart-crop(width=" + w + ", height=" + h + ")", sample.image());
            assertEquals(Math.min(w, sample.width()) + "x" + Math.min(h, sample.height()), out.getWidth() + "x" + out.getHeight());
            int[] in = Pixels.argb(sample.image());
            int[] px = Pixels.argb(out);
            boolean found = false;
            for (int y0 = 0; y0 + out.getHeight() <= sample.height() && !found; y0++) {
                for (int x0 = 0; x0 + out.getWidth() <= sample.width() && !found; x0++) {
                    boolean same = true;
                    for (int i = 0; i < px.length && same; i++) {
                        same = px[i] == in[(y0 + i / out.getWidth()) * sample.width() + x0 + i % out.getWidth()];
                    }
                    found = same;
                }
            }
            assertTrue(found, "the result is a rectangle of the source");
        });
    }

    @Test
    void aFlatImageIsCutAtItsCentre() {
        int[] flat = new int[200 * 100];
        java.util.Arrays.fill(flat, 0x406080);
        for (String method : new String[] {"entropy", "attention"}) {
            int[] at = Focus.best(flat, 200, 100, 50, 50, method);
            assertTrue(Math.abs(at[0] - 75) <= 1 && Math.abs(at[1] - 25) <= 1, method + ": " + at[0] + "," + at[1]);
        }
    }

    @Test
    void entropyFindsTheOnlyDetailedCorner() {
        // 256x256 black, noise in the 64x64 square at (160, 16): the 64x64 crop with the most entropy is that square
        Random random = new Random(3);
        int[] px = new int[256 * 256];
        for (int i = 0; i < px.length; i++) {
            int x = i % 256;
            int y = i / 256;
            px[i] = x >= 160 && x < 224 && y >= 16 && y < 80 ? random.nextInt() & 0xffffff : 0;
        }
        int[] at = Focus.best(px, 256, 256, 64, 64, "entropy");
        assertTrue(Math.abs(at[0] - 160) <= 4 && Math.abs(at[1] - 16) <= 4, at[0] + "," + at[1]);
    }

    @Test
    void attentionFindsTheSaturatedSubject() {
        // a grey 400x300 scene with a small red disc of radius 20 at (320, 220)
        int[] px = new int[400 * 300];
        for (int i = 0; i < px.length; i++) {
            int dx = i % 400 - 320;
            int dy = i / 400 - 220;
            px[i] = dx * dx + dy * dy <= 400 ? 0xe03030 : 0x777777;
        }
        BufferedImage out = BuiltIns.apply("smart-crop(width=100, height=100)", Pixels.image(400, 300, false, px));
        int red = 0;
        for (int p : Pixels.argb(out)) {
            red += (p & 0xffffff) == 0xe03030 ? 1 : 0;
        }
        int disc = 0;
        for (int p : px) {
            disc += p == 0xe03030 ? 1 : 0;
        }
        assertEquals(disc, red, "the whole disc is kept");
    }
}

package dev.pixelstep.operations.composition;

import dev.pixelstep.operations.raster.BundledFont;
import dev.pixelstep.testkit.FontlessJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code watermark-text} renders in a JVM that sees no fonts at all, like the Lambda Java runtime:
 * a forked JVM with fontconfig pointed at an empty configuration ({@code FONTCONFIG_FILE}); the
 * control shows that such a JVM cannot even create a font the plain way.
 */
class WatermarkWithoutSystemFontsTest {

    @TempDir
    Path dir;

    @Test
    void theForkedJvmReallySeesNoFonts() throws Exception {
        Path font = Path.of(BundledFont.class.getResource(BundledFont.RESOURCE).toURI());
        FontlessJvm.Run control = FontlessJvm.run(dir, WatermarkRenderingMain.class, "control", font.toString());
        assertNotEquals(0, control.exitCode(), control.output());
        assertTrue(control.output().contains(FontlessJvm.NO_FONTS_MESSAGE), control.output());
    }

    @Test
    void drawsTheWatermarkWithTheBundledFont() throws Exception {
        Path png = dir.resolve("watermark.png");
        FontlessJvm.Run run = FontlessJvm.run(dir, WatermarkRenderingMain.class, "render", png.toString());
        assertEquals(0, run.exitCode(), run.output());
        BufferedImage image = ImageIO.read(png.toFile());
        int lit = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xff) > 200) {
                    lit++;
                }
            }
        }
        assertTrue(lit > 300, "the text is drawn: " + lit + " bright pixels");
    }
}

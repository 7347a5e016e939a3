package dev.pixelstep.functions.internal.chart;

import dev.pixelstep.operations.raster.BundledFont;
import dev.pixelstep.testkit.FontlessJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Charts render in a JVM that sees no fonts at all, like the Lambda Java runtime: a forked JVM
 * with fontconfig pointed at an empty configuration ({@code FONTCONFIG_FILE}).
 */
class ChartWithoutSystemFontsTest {

    @TempDir
    Path dir;

    @Test
    void theForkedJvmReallySeesNoFonts() throws Exception {
        // The font is a resource of the built-in operations' jar: a file of its own for the forked JVM.
        Path font = dir.resolve(BundledFont.RESOURCE);
        try (var in = BundledFont.class.getResourceAsStream(BundledFont.RESOURCE)) {
            Files.copy(in, font);
        }
        FontlessJvm.Run control = FontlessJvm.run(dir, ChartRenderingMain.class, "control", font.toString());
        assertNotEquals(0, control.exitCode(), control.output());
        assertTrue(control.output().contains(FontlessJvm.NO_FONTS_MESSAGE), control.output());
    }

    @Test
    void rendersANonBlankChartWithTheBundledFont() throws Exception {
        Path png = dir.resolve("chart.png");
        FontlessJvm.Run run = FontlessJvm.run(dir, ChartRenderingMain.class, "render", png.toString());
        assertEquals(0, run.exitCode(), run.output());
        // the font is copied to the temporary directory when it comes from a jar, as in the layer and in `verify` (the operations'
        // jar is packaged before this module's tests; a reactor run without `package` has their classes, and the font is used in
        // place); either way the JVM must leave nothing there
        try (var left = Files.list(FontlessJvm.temporaryDirectory(dir))) {
            assertEquals(List.of(), left.toList(), "the font's copy and its directory are deleted when the JVM exits");
        }

        BufferedImage chart = ImageIO.read(png.toFile());
        assertEquals(HistogramChart.WIDTH, chart.getWidth());
        assertEquals(HistogramChart.HEIGHT, chart.getHeight());
        assertTrue(darkPixels(chart, 0, 45) > 150, "the title is drawn");
        assertTrue(darkPixels(chart, HistogramChart.HEIGHT - 60, HistogramChart.HEIGHT) > 100, "the axis label and legend are drawn");
        assertTrue(colouredPixels(chart) > 500, "the lines are drawn");
    }

    private static int darkPixels(BufferedImage image, int fromY, int toY) {
        int n = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (((p >> 16) & 0xff) < 120 && ((p >> 8) & 0xff) < 120 && (p & 0xff) < 120) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int colouredPixels(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int r = (p >> 16) & 0xff;
                int b = p & 0xff;
                if (Math.abs(r - b) > 120) {
                    n++;
                }
            }
        }
        return n;
    }
}

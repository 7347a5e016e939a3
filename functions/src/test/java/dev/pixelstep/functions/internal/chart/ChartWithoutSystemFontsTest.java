package dev.pixelstep.functions.internal.chart;

import dev.pixelstep.operations.raster.BundledFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    private record Run(int exitCode, String output) {
    }

    private Run fork(String... args) throws IOException, InterruptedException {
        Path emptyConfig = dir.resolve("empty-fonts.conf");
        Files.writeString(emptyConfig, "<?xml version=\"1.0\"?>\n<fontconfig/>\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a home of its own: the JDK caches what fontconfig found under ~/.java/fonts, which would
                // hand this JVM the fonts of an earlier run on the same machine
                "-Duser.home=" + dir.resolve("home"),
                "-Djava.awt.headless=true", "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                ChartRenderingMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("FONTCONFIG_FILE", emptyConfig.toString());
        builder.environment().remove("FONTCONFIG_PATH");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the forked JVM did not finish");
        return new Run(process.exitValue(), output);
    }

    @Test
    void theForkedJvmReallySeesNoFonts() throws Exception {
        // The font is a resource of the built-in operations' jar: a file of its own for the forked JVM.
        Path font = dir.resolve(BundledFont.RESOURCE);
        try (var in = BundledFont.class.getResourceAsStream(BundledFont.RESOURCE)) {
            Files.copy(in, font);
        }
        Run control = fork("control", font.toString());
        assertNotEquals(0, control.exitCode(), control.output());
        assertTrue(control.output().contains("Fontconfig head is null"), control.output());
    }

    @Test
    void rendersANonBlankChartWithTheBundledFont() throws Exception {
        Path png = dir.resolve("chart.png");
        Run run = fork("render", png.toString());
        assertEquals(0, run.exitCode(), run.output());

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

package dev.pixelstep.operations.composition;

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
 * {@code watermark-text} renders in a JVM that sees no fonts at all, like the Lambda Java runtime:
 * a forked JVM with fontconfig pointed at an empty configuration ({@code FONTCONFIG_FILE}); the
 * control shows that such a JVM cannot even create a font the plain way.
 */
class WatermarkWithoutSystemFontsTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String output) {
    }

    private Run fork(String... args) throws IOException, InterruptedException {
        Path emptyConfig = dir.resolve("empty-fonts.conf");
        Files.writeString(emptyConfig, "<?xml version=\"1.0\"?>\n<fontconfig/>\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a home of its own: the JDK caches what fontconfig found under ~/.java/fonts
                "-Duser.home=" + dir.resolve("home"),
                "-Djava.awt.headless=true", "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                WatermarkRenderingMain.class.getName()));
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
        Path font = Path.of(BundledFont.class.getResource(BundledFont.RESOURCE).toURI());
        Run control = fork("control", font.toString());
        assertNotEquals(0, control.exitCode(), control.output());
        assertTrue(control.output().contains("Fontconfig head is null"), control.output());
    }

    @Test
    void drawsTheWatermarkWithTheBundledFont() throws Exception {
        Path png = dir.resolve("watermark.png");
        Run run = fork("render", png.toString());
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

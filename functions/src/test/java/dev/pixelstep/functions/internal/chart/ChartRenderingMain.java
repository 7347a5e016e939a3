package dev.pixelstep.functions.internal.chart;

import dev.pixelstep.functions.internal.image.ImageEncoder;
import dev.pixelstep.operations.raster.BundledFont;

import java.awt.Color;
import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a forked JVM by {@link ChartWithoutSystemFontsTest}: {@code render <out.png>} renders a
 * histogram chart; {@code control <font.ttf>} creates a font the plain way, which fails when the
 * JVM sees no fonts.
 */
public final class ChartRenderingMain {

    private ChartRenderingMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("control")) {
            Font font = Font.createFont(Font.TRUETYPE_FONT, Path.of(args[1]).toFile());
            System.out.println("created " + font.getFontName());
            return;
        }
        long[] rising = new long[256];
        long[] falling = new long[256];
        for (int i = 0; i < 256; i++) {
            rising[i] = i;
            falling[i] = 255L - i;
        }
        byte[] png = new HistogramChart(new ImageEncoder()).renderPng("Histogram: original", "bucket/photos/holiday.jpg",
                List.of(new ChartSeries("Red", Color.RED, rising), new ChartSeries("Blue", Color.BLUE, falling)));
        Files.write(Path.of(args[1]), png);
        System.out.println("rendered " + png.length + " bytes");
        System.out.println("font resource: " + BundledFont.class.getResource(BundledFont.RESOURCE));
    }
}

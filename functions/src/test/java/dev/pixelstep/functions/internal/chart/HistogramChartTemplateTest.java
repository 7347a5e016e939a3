package dev.pixelstep.functions.internal.chart;

import dev.pixelstep.functions.internal.image.ImageEncoder;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The chart template is reused across renders: no render may show anything of an earlier one. */
class HistogramChartTemplateTest {

    @Test
    void aReusedTemplateDrawsExactlyWhatAFreshChartDraws() {
        List<ChartSeries> four = series(4, 1);
        List<ChartSeries> two = series(2, 2);
        HistogramChart reused = new HistogramChart(new ImageEncoder());
        BufferedImage first = reused.render("Histogram: original", "bucket/a.jpg", four);
        BufferedImage second = reused.render("Histogram: combined", "bucket/b/combined.jpg", two);
        BufferedImage third = reused.render("Histogram: original", "bucket/a.jpg", four);

        assertArrayEquals(pixels(first), pixels(third), "the same data gives the same chart after another one");
        assertArrayEquals(pixels(new HistogramChart(new ImageEncoder()).render("Histogram: combined", "bucket/b/combined.jpg", two)),
                pixels(second), "the second chart is what a fresh chart draws");
        assertFalse(java.util.Arrays.equals(pixels(first), pixels(second)), "different data gives a different chart");
    }

    @Test
    void twoLinesWithOneLabelAreRefusedAndTheNextChartIsWhole() {
        HistogramChart chart = new HistogramChart(new ImageEncoder());
        List<ChartSeries> two = series(2, 2);
        List<ChartSeries> sameLabel = List.of(two.get(0), new ChartSeries(two.get(0).label(), Color.BLUE, two.get(1).counts()));
        assertThrows(IllegalArgumentException.class, () -> chart.render("Histogram", "bucket/a.jpg", sameLabel));
        assertArrayEquals(pixels(new HistogramChart(new ImageEncoder()).render("Histogram", "bucket/a.jpg", two)),
                pixels(chart.render("Histogram", "bucket/a.jpg", two)));
    }

    private static List<ChartSeries> series(int lines, long seed) {
        Random random = new Random(seed);
        Color[] colours = {Color.RED, Color.GREEN, Color.BLUE, Color.DARK_GRAY};
        List<ChartSeries> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            long[] counts = new long[256];
            for (int v = 0; v < 256; v++) {
                counts[v] = random.nextInt(1000) * (long) (i + 1);
            }
            out.add(new ChartSeries("line " + i, colours[i], counts));
        }
        return out;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}

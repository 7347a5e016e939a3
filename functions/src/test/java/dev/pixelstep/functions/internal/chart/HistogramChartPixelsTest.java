package dev.pixelstep.functions.internal.chart;

import dev.pixelstep.functions.internal.image.ImageEncoder;
import dev.pixelstep.functions.support.Sha256;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * What a chart looks like is pinned: the SHA-256 of the decoded pixels of three charts' PNGs,
 * computed with the chart code of 2026-11-27 before any change for speed (commit 53fba10: a fresh
 * JFreeChart draw, the JDK's PNG writer). A faster chart must draw and write exactly these pixels.
 * Java 2D's text and line rasterisers (and the FreeType a JDK uses) differ between JDK builds, so
 * the pixels are pinned per JDK build this project is built and measured with (Debian's 17, the
 * build JDK, and Temurin 25, Lambda's release); on another build the charts are only compared with
 * their own second rendering and with the image the PNG was written from.
 */
class HistogramChartPixelsTest {

    /** Per chart of {@link #charts()}, per JDK build ({@link Runtime#version()}): the SHA-256 of the decoded pixels. */
    private static final Map<String, List<String>> PINNED = Map.of(
            "17.0.15+6-Debian-1deb12u1", List.of("df7addce1fe01658f8d229ede329e8f1010db0d5b0ca27d2988ee8d716479d7b",
                    "baf8024dbb0017ef042c6da07b1038f2851fe7ec66375a8a9ed0c9ca8b0f6a35",
                    "ca0fef7283cfd7b9b013979533040a22319f02346b512203b4e7850604ac5709"),
            "25.0.3+9-LTS", List.of("d2429928eb0ce66ee16ffcb3bb20ad85306779a0e56bde880ef6831b2d936f60",
                    "606edc458efb644bd5405d7200f137fe13778fd717fba9665997491d88d8e9ab",
                    "67bc040b2c7fd0d4453c1862d1e7d2f2a6df7b8ebc29683e0e4b1114d2fdd990"));

    @Test
    void theDecodedPixelsAreTheChartsOfBefore() throws IOException {
        HistogramChart chart = new HistogramChart(new ImageEncoder());
        List<Chart> charts = charts();
        List<String> pinned = PINNED.get(Runtime.version().toString());
        List<String> actual = new ArrayList<>();
        for (Chart c : charts) {
            actual.add(Sha256.ofPixels(decode(chart.renderPng(c.title, c.subtitle, c.series))));
        }
        if (pinned != null) {
            assertEquals(pinned, actual, "the decoded pixels of the charts on JDK " + Runtime.version());
        }
        HistogramChart fresh = new HistogramChart(new ImageEncoder());
        Chart last = charts.get(charts.size() - 1);
        assertEquals(actual.get(charts.size() - 1), Sha256.ofPixels(decode(fresh.renderPng(last.title, last.subtitle, last.series))));
    }

    @Test
    void thePngIsWhatWasRendered() throws IOException {
        HistogramChart chart = new HistogramChart(new ImageEncoder());
        for (Chart c : charts()) {
            BufferedImage rendered = chart.render(c.title, c.subtitle, c.series);
            assertArrayEquals(pixels(rendered), decode(chart.renderPng(c.title, c.subtitle, c.series)), c.title);
        }
    }

    @Test
    void theSameDataGivesTheSameBytes() {
        List<Chart> charts = charts();
        HistogramChart one = new HistogramChart(new ImageEncoder());
        HistogramChart other = new HistogramChart(new ImageEncoder());
        Chart first = charts.get(0);
        byte[] before = one.renderPng(first.title, first.subtitle, first.series);
        for (Chart c : charts) {
            other.renderPng(c.title, c.subtitle, c.series);
        }
        assertArrayEquals(before, other.renderPng(first.title, first.subtitle, first.series));
        assertArrayEquals(before, one.renderPng(first.title, first.subtitle, first.series));
    }

    private record Chart(String title, String subtitle, List<ChartSeries> series) {
    }

    /** Four photo-like channels; two random lines; four lines of which one is empty and one a single spike. */
    static List<Chart> charts() {
        Color[] colours = {new Color(0xD62728), new Color(0x2CA02C), new Color(0x1F77B4), new Color(0x333333)};
        String[] labels = {"Red", "Green", "Blue", "Luminance (Rec. 709)"};
        Random random = new Random(13);
        List<ChartSeries> photo = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            long[] counts = new long[256];
            for (int v = 0; v < 256; v++) {
                double bump = Math.exp(-Math.pow((v - 60 - 40 * c) / 35.0, 2)) + 0.4 * Math.exp(-Math.pow((v - 200) / 20.0, 2));
                counts[v] = (long) (40_000 * bump + random.nextInt(900));
            }
            counts[255] += 30_000; // clipped highlights
            photo.add(new ChartSeries(labels[c], colours[c], counts));
        }
        List<ChartSeries> two = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            long[] counts = new long[256];
            for (int v = 0; v < 256; v++) {
                counts[v] = random.nextInt(1000) * (long) (c + 1);
            }
            two.add(new ChartSeries("line " + c, colours[c], counts));
        }
        List<ChartSeries> edge = new ArrayList<>();
        long[] spike = new long[256];
        spike[128] = 12_000_000;
        long[] ramp = new long[256];
        for (int v = 0; v < 256; v++) {
            ramp[v] = v * 1000L;
        }
        edge.add(new ChartSeries(labels[0], colours[0], new long[256]));
        edge.add(new ChartSeries(labels[1], colours[1], spike));
        edge.add(new ChartSeries(labels[2], colours[2], ramp));
        edge.add(new ChartSeries(labels[3], colours[3], ramp));
        return List.of(new Chart("Histogram: original", "bucket/photos/holiday.jpg", photo),
                new Chart("Histogram: combined", "bucket/photos/holiday.jpg/combined.jpg", two),
                new Chart("Histogram: edge cases", "a-bucket/ünïcode key with spaces.png", edge));
    }

    private static int[] decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image);
        assertEquals(HistogramChart.WIDTH, image.getWidth());
        assertEquals(HistogramChart.HEIGHT, image.getHeight());
        return pixels(image);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}

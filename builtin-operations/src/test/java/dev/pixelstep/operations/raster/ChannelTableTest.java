package dev.pixelstep.operations.raster;

import dev.pixelstep.testkit.photos.BenchmarkImages;
import dev.pixelstep.testkit.photos.TestPhotos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ChannelTable} computes tables that are clamped lines with arithmetic instead of looking them up
 * (issue 13); the oracle is the lookup it replaced: {@code (p & 0xff000000) | t[r] << 16 | t[g] << 8 | t[b]},
 * t the function's values clamped to 0..255. The tables are those the operations make (their formulas, at
 * their parameters' edges and defaults), applied to a photo and to every channel value with alpha 0, 128 and
 * 255, both ways (computed and looked up) whatever the JDK. That the linear operations' tables are found to be
 * lines (and the others not) is checked too, so that the arithmetic is under test.
 */
class ChannelTableTest {

    private static int[] photo;

    @BeforeAll
    static void readPhoto() {
        photo = IntImage.copyOf(BenchmarkImages.decode(TestPhotos.jpeg()), true).pixels();
    }

    /** Tables that are clamped lines: brightness, contrast, temperature's channels, negate, levels with gamma 1, identity. */
    private static Map<String, IntUnaryOperator> lines() {
        Map<String, IntUnaryOperator> lines = new LinkedHashMap<>();
        for (double amount : new double[] {-1, -0.2, -0.0039, 0, 0.0039, 0.2, 0.5, 1}) {
            int shift = (int) Math.round(amount * 255); // Brightness
            lines.put("brightness " + amount, v -> v + shift);
        }
        for (double factor : new double[] {0, 0.001, 0.5, 1, 1.5, 2.4567, 7.3, 10}) { // Contrast
            lines.put("contrast " + factor, v -> (int) Math.floor(127.5 + (v - 127.5) * factor + 0.5));
        }
        for (double k : new double[] {0.1, 0.3137, 0.77, 0.999, 1, 1.25}) { // Temperature's per-channel multipliers
            lines.put("temperature " + k, v -> (int) Math.round(v * k));
        }
        lines.put("negate", v -> 255 - v);
        lines.put("identity", v -> v);
        for (int[] bw : new int[][] {{0, 255}, {10, 200}, {0, 20}, {240, 255}}) { // Levels with gamma 1
            int black = bw[0];
            int top = bw[1];
            lines.put("levels " + black + ".." + top, v -> (int) Math.round(255 * Math.pow(Math.max(0, Math.min(1, (v - black) / (double) (top - black))), 1)));
        }
        return lines;
    }

    /** Tables that are not: posterize, solarize, gamma, a curve, levels too steep for a line's slope. */
    private static Map<String, IntUnaryOperator> others() {
        Map<String, IntUnaryOperator> others = new LinkedHashMap<>();
        for (int levels : new int[] {2, 4, 64}) {
            int steps = levels - 1;
            others.put("posterize " + levels, v -> (int) Math.round(Math.round(v * steps / 255.0) * 255.0 / steps));
        }
        for (int threshold : new int[] {1, 128, 255}) {
            others.put("solarize " + threshold, v -> v >= threshold ? 255 - v : v);
        }
        for (double gamma : new double[] {0.1, 2.2, 10}) {
            others.put("gamma " + gamma, v -> (int) Math.round(255 * Math.pow(v / 255.0, 1 / gamma)));
        }
        others.put("curve", v -> (int) Math.round(255 * (v / 255.0) * (v / 255.0)));
        // levels from black to black + 1: a step steeper than the slope limit (+-64) allows
        others.put("levels 100..101", v -> (int) Math.round(255 * Math.max(0, Math.min(1, (v - 100) / 1.0))));
        return others;
    }

    @Test
    void linearTablesAreComputedAsClampedLines() {
        lines().forEach((name, f) -> {
            assertTrue(ChannelTable.of(f).isLines(), name);
            int[] table = table(f);
            int[] line = ChannelTable.line(table);
            assertNotNull(line, name);
            for (int v = 0; v < 256; v++) {
                assertEquals(table[v], Math.min(255, Math.max(0, line[0] * v + line[1]) >> ChannelTable.SHIFT), name + " at " + v);
            }
        });
    }

    @Test
    void linesAreComputedFromJdk25On() {
        assertFalse(ChannelTable.linesPay(17));
        assertFalse(ChannelTable.linesPay(24));
        assertTrue(ChannelTable.linesPay(25));
    }

    @Test
    void otherTablesAreLookedUp() {
        others().forEach((name, f) -> assertFalse(ChannelTable.of(f).isLines(), name));
        // one channel that is no line makes the three looked up (Negate's red with a solarized green)
        assertFalse(ChannelTable.of(v -> 255 - v, v -> v >= 128 ? 255 - v : v, v -> v).isLines());
    }

    @Test
    void clampedLinesGiveExactlyThePixelsOfTheLookup() {
        lines().forEach((name, f) -> check(name, f, f, f));
        // a table per channel (Negate, Temperature)
        check("negate red", v -> 255 - v, v -> v, v -> v);
        check("negate green and blue", v -> v, v -> 255 - v, v -> 255 - v);
        check("temperature 2500 K", v -> (int) Math.round(v * 1.0), v -> (int) Math.round(v * 0.6414), v -> (int) Math.round(v * 0.3012));
    }

    @Test
    void lookedUpTablesGiveExactlyThePixelsOfTheLookup() {
        others().forEach((name, f) -> check(name, f, f, f));
        check("solarized red", v -> v >= 128 ? 255 - v : v, v -> v, v -> 255 - v);
    }

    private static void check(String name, IntUnaryOperator red, IntUnaryOperator green, IntUnaryOperator blue) {
        ChannelTable table = ChannelTable.of(red, green, blue);
        int[] r = table(red);
        int[] g = table(green);
        int[] b = table(blue);
        for (int[] pixels : images()) {
            int[] expected = new int[pixels.length];
            for (int i = 0; i < pixels.length; i++) {
                int p = pixels[i];
                expected[i] = (p & 0xff000000) | r[(p >> 16) & 0xff] << 16 | g[(p >> 8) & 0xff] << 8 | b[p & 0xff];
            }
            for (boolean computeLines : new boolean[] {true, false}) {
                int[] out = new int[pixels.length];
                table.apply(pixels, out, computeLines);
                assertArrayEquals(expected, out, name + " on " + pixels.length + " pixels, lines " + computeLines);
                int[] inPlace = pixels.clone();
                table.apply(inPlace, inPlace, computeLines);
                assertArrayEquals(expected, inPlace, name + " in place, lines " + computeLines);
            }
            int[] out = new int[pixels.length];
            table.apply(pixels, out);
            assertArrayEquals(expected, out, name + " as this JVM applies it");
        }
    }

    /** The photo (in parallel bands), every channel value in each channel with alpha 0, 128 and 255, random pixels, one pixel. */
    private static List<int[]> images() {
        List<int[]> images = new ArrayList<>();
        images.add(photo);
        int[] edges = new int[3 * 256 * 3];
        int i = 0;
        for (int alpha : new int[] {0, 0x80, 0xff}) {
            for (int v = 0; v < 256; v++) {
                edges[i++] = alpha << 24 | v << 16 | (255 - v) << 8 | (v * 7 & 0xff);
                edges[i++] = alpha << 24 | (v * 13 & 0xff) << 16 | v << 8 | (255 - v);
                edges[i++] = alpha << 24 | (255 - v) << 16 | (v * 5 & 0xff) << 8 | v;
            }
        }
        images.add(edges);
        Random random = new Random(13);
        int[] noise = new int[70_001];
        for (int k = 0; k < noise.length; k++) {
            noise[k] = random.nextInt();
        }
        images.add(noise);
        images.add(new int[] {0x00000000});
        images.add(new int[] {0xffffffff});
        return images;
    }

    private static int[] table(IntUnaryOperator f) {
        int[] t = new int[256];
        for (int v = 0; v < 256; v++) {
            t[v] = Math.max(0, Math.min(255, f.applyAsInt(v)));
        }
        return t;
    }
}

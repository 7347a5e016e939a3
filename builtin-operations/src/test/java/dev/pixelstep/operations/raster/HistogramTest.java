package dev.pixelstep.operations.raster;

import dev.pixelstep.testkit.photos.BenchmarkImages;
import dev.pixelstep.testkit.photos.TestPhotos;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * {@link Histogram#channels} counts each channel into its own set of counts (issue 13); the counts must be those of
 * the previous formulation, the three values of every pixel in turn into one set, on a photo (in parallel bands), on
 * every length up to the edge cases' count from any start, with the values 0 and 255 and any alpha.
 */
class HistogramTest {

    @Test
    void aSetPerChannelGivesTheCountsOfOneSet() {
        int[] photo = IntImage.copyOf(BenchmarkImages.decode(TestPhotos.jpeg()), true).pixels();
        assertArrayEquals(oneSet(photo, 0, photo.length), Histogram.channels(photo));
        int[] edges = {0, 0xffffffff, 0xff000000, 0x00ffffff, 0x80ff00ff, 0x7f00ff00, 0x000000ff, 0xffff0000, 0x40808080};
        for (int from = 0; from < edges.length; from++) {
            for (int to = from; to <= edges.length; to++) {
                long[] expected = oneSet(edges, from, to);
                int[] counts = Histogram.count(edges, from, to);
                for (int v = 0; v < 256; v++) {
                    assertArrayEquals(new long[] {expected[v]}, new long[] {counts[v]}, "value " + v + ", pixels " + from + " to " + to);
                }
            }
        }
        assertArrayEquals(oneSet(new int[] {0x12345678}, 0, 1), Histogram.channels(new int[] {0x12345678}));
    }

    private static long[] oneSet(int[] pixels, int from, int to) {
        long[] counts = new long[256];
        for (int i = from; i < to; i++) {
            int p = pixels[i];
            counts[(p >> 16) & 0xff]++;
            counts[(p >> 8) & 0xff]++;
            counts[p & 0xff]++;
        }
        return counts;
    }
}

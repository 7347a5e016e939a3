package dev.pixelstep.operations.raster;

/**
 * Counts of channel values over an image, in parallel bands (each band counts into its own table,
 * the tables are then added: the result does not depend on the bands).
 */
public final class Histogram {

    private Histogram() {
    }

    /** How often each value 0..255 occurs among the red, green and blue values of {@code pixels} (three per pixel). */
    public static long[] channels(int[] pixels) {
        long[] total = new long[256];
        Bands.run(pixels.length, pixels.length, (from, to) -> {
            int[] counts = count(pixels, from, to);
            synchronized (total) {
                for (int v = 0; v < 256; v++) {
                    total[v] += counts[v];
                }
            }
        });
        return total;
    }

    /**
     * The counts of the pixels {@code [from, to)}: each channel into its own set of counts (the red,
     * green and blue values of a grey pixel, or of a run of equal pixels, then do not wait on one
     * counter), the sets allocated here (C2 knows their length and drops the range checks) and added
     * up at the end; fewer than 2^31 / 3 pixels.
     */
    static int[] count(int[] pixels, int from, int to) {
        int[] red = new int[256];
        int[] green = new int[256];
        int[] blue = new int[256];
        for (int i = from; i < to; i++) {
            int p = pixels[i];
            red[(p >> 16) & 0xff]++;
            green[(p >> 8) & 0xff]++;
            blue[p & 0xff]++;
        }
        for (int v = 0; v < 256; v++) {
            red[v] += green[v] + blue[v];
        }
        return red;
    }

    /** The smallest value v such that at least {@code fraction} of all counts are at or below v. */
    public static int percentile(long[] counts, double fraction) {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        double target = fraction * sum;
        long running = 0;
        for (int v = 0; v < 256; v++) {
            running += counts[v];
            if (running >= target && running > 0) {
                return v;
            }
        }
        return 255;
    }
}

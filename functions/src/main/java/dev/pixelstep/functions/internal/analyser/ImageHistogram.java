package dev.pixelstep.functions.internal.analyser;

import dev.pixelstep.functions.internal.image.IntRgb;
import dev.pixelstep.functions.internal.image.RgbBytes;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * 256-bin histograms of the red, green, blue and {@linkplain Channel#LUMINANCE luminance}
 * channels of an image, counting every pixel once. Alpha is ignored: a transparent pixel counts
 * with its stored colour. Immutable.
 */
public final class ImageHistogram {

    /** Bins per channel: one per 8-bit value. */
    public static final int BINS = 256;

    /** Pixels per parallel band, at least. */
    private static final int BAND_PIXELS = 1 << 20;

    /** ceil(2^40 / 10000), for {@link #luma}. */
    private static final long LUMA_RECIPROCAL = 109_951_163L;

    private final int width;
    private final int height;
    private final Map<Channel, long[]> bins;

    private ImageHistogram(int width, int height, Map<Channel, long[]> bins) {
        this.width = width;
        this.height = height;
        this.bins = bins;
    }

    /**
     * Counts every pixel of {@code image}: one pass over the packed {@code int[]} of
     * {@code TYPE_INT_*} images or over the bytes of {@link RgbBytes} images (what the decoder
     * gives colour JPEGs in), in parallel bands for large images; rows of
     * {@link BufferedImage#getRGB} for any other layout.
     */
    public static ImageHistogram of(BufferedImage image) {
        return of(image.getWidth(), image.getHeight(), counts(image));
    }

    /** The histogram of an image of {@code width x height} whose pixels were counted into {@code counts} (red, green, blue, luminance). */
    static ImageHistogram of(int width, int height, long[][] counts) {
        Map<Channel, long[]> bins = new EnumMap<>(Channel.class);
        bins.put(Channel.RED, counts[0]);
        bins.put(Channel.GREEN, counts[1]);
        bins.put(Channel.BLUE, counts[2]);
        bins.put(Channel.LUMINANCE, counts[3]);
        return new ImageHistogram(width, height, bins);
    }

    private static long[][] counts(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] packed = IntRgb.packed(image);
        long[][] counts;
        if (packed != null) {
            counts = count(packed.length, (from, to, even, odd) -> countInto(packed, from, to, even, odd));
        } else if (RgbBytes.is(image)) {
            byte[] rgb = RgbBytes.data(image);
            counts = count(rgb.length / 3, (from, to, even, odd) -> countRgbInto(rgb, from, to, even, odd));
        } else {
            int[] bins = new int[4 * BINS];
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                countInto(row, 0, w, bins, bins);
            }
            counts = merge(List.<int[]>of(bins));
        }
        return counts;
    }

    /** Counts pixels {@code [from, to)} into two sets of bins (see {@link #countInto}). */
    @FunctionalInterface
    private interface Counter {
        void count(int from, int to, int[] even, int[] odd);
    }

    private static long[][] count(int pixels, Counter counter) {
        int bands = (int) Math.max(1, Math.min(4L * Runtime.getRuntime().availableProcessors(), pixels / BAND_PIXELS));
        int[][] partial = new int[bands][];
        IntStream.range(0, bands).parallel().forEach(b -> {
            // two sets of bins, alternating by pixel, so that runs of equal pixels do not wait on one counter
            int[] even = new int[4 * BINS];
            int[] odd = new int[4 * BINS];
            counter.count((int) ((long) pixels * b / bands), (int) ((long) pixels * (b + 1) / bands), even, odd);
            for (int i = 0; i < even.length; i++) {
                even[i] += odd[i];
            }
            partial[b] = even;
        });
        return merge(Arrays.asList(partial));
    }

    /** Sums bins of {@link #countInto} (an image has fewer than 2^31 pixels, so ints do not overflow) by channel. */
    static long[][] merge(List<int[]> partial) {
        long[][] counts = new long[4][BINS];
        for (int[] p : partial) {
            for (int i = 0; i < p.length; i++) {
                counts[i >> 8][i & 0xff] += p[i];
            }
        }
        return counts;
    }

    /**
     * Adds the pixels {@code [from, to)} to the bins (red at 0, green at 256, blue at 512,
     * luminance at 768), even pixels into {@code even}, odd ones into {@code odd}; fewer than
     * 2^31 pixels in all.
     */
    static void countInto(int[] pixels, int from, int to, int[] even, int[] odd) {
        int i = from;
        for (; i + 1 < to; i += 2) {
            addPacked(even, pixels[i]);
            addPacked(odd, pixels[i + 1]);
        }
        if (i < to) {
            addPacked(even, pixels[i]);
        }
    }

    /** Like {@link #countInto} for interleaved RGB bytes ({@link RgbBytes}): pixel i at bytes 3i, 3i + 1, 3i + 2. */
    private static void countRgbInto(byte[] rgb, int from, int to, int[] even, int[] odd) {
        int i = from;
        for (; i + 1 < to; i += 2) {
            int j = 3 * i;
            add(even, rgb[j] & 0xff, rgb[j + 1] & 0xff, rgb[j + 2] & 0xff);
            add(odd, rgb[j + 3] & 0xff, rgb[j + 4] & 0xff, rgb[j + 5] & 0xff);
        }
        if (i < to) {
            int j = 3 * i;
            add(even, rgb[j] & 0xff, rgb[j + 1] & 0xff, rgb[j + 2] & 0xff);
        }
    }

    /** Counts one packed pixel ({@code 0xAARRGGBB}; alpha ignored). */
    static void addPacked(int[] bins, int pixel) {
        add(bins, (pixel >>> 16) & 0xff, (pixel >>> 8) & 0xff, pixel & 0xff);
    }

    /** Counts one pixel. */
    static void add(int[] bins, int r, int g, int b) {
        bins[r]++;
        bins[256 + g]++;
        bins[512 + b]++;
        bins[768 + luma(r, g, b)]++;
    }

    /** Rec. 709 luma of 8-bit gamma-encoded components, rounded to the nearest integer. */
    static int luma(int r, int g, int b) {
        // floor(s / 10000) as a multiply and shift: exact for every s up to 2^26 (here s <= 2,555,000)
        return (int) ((2126 * r + 7152 * g + 722 * b + 5000) * LUMA_RECIPROCAL >>> 40);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Width times height: the count in every channel. */
    public long pixels() {
        return (long) width * height;
    }

    /** A copy of the 256 counts of {@code channel}. */
    public long[] counts(Channel channel) {
        return bins.get(channel).clone();
    }

    /** Mean, standard deviation, min and max of {@code channel}. */
    public ChannelStatistics statistics(Channel channel) {
        return ChannelStatistics.of(bins.get(channel), pixels());
    }
}

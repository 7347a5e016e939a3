package dev.pixelstep.functions.internal.analyser;

import dev.pixelstep.functions.internal.image.IntRgb;
import dev.pixelstep.functions.internal.image.RgbBytes;
import dev.pixelstep.operations.raster.Bands;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
            counts = count(packed.length, (from, to) -> countPacked(packed, from, to));
        } else if (RgbBytes.is(image)) {
            byte[] rgb = RgbBytes.data(image);
            counts = count(rgb.length / 3, (from, to) -> countRgb(rgb, from, to));
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

    /** Counts pixels {@code [from, to)} into a new set of bins (see {@link #countPacked}). */
    @FunctionalInterface
    private interface Counter {
        int[] count(int from, int to);
    }

    private static long[][] count(int pixels, Counter counter) {
        int bands = (int) Math.max(1, Math.min(4L * Runtime.getRuntime().availableProcessors(), pixels / BAND_PIXELS));
        int[][] partial = new int[bands][];
        Bands.each(bands, b ->
                partial[b] = counter.count((int) ((long) pixels * b / bands), (int) ((long) pixels * (b + 1) / bands)));
        return merge(Arrays.asList(partial));
    }

    /**
     * The bins of the packed pixels {@code [from, to)} (red at 0, green at 256, blue at 512,
     * luminance at 768): {@link #countInto}'s counts, counted into four sets of bins, pixel i into
     * set i mod 4 (runs of equal pixels do not wait on one counter), added up at the end. The sets
     * are allocated here rather than passed in: the same loop with the sets passed in (as four
     * arrays, one array, or {@code long[]} sets that cannot alias the pixels) took 36-39 against
     * 27.5 ms at 12 MP on JDK 25, C2 compiling it better for arrays it allocated itself (it knows
     * their length).
     */
    static int[] countPacked(int[] pixels, int from, int to) {
        int[] s0 = new int[4 * BINS];
        int[] s1 = new int[4 * BINS];
        int[] s2 = new int[4 * BINS];
        int[] s3 = new int[4 * BINS];
        int i = from;
        for (; i + 3 < to; i += 4) {
            addPacked(s0, pixels[i]);
            addPacked(s1, pixels[i + 1]);
            addPacked(s2, pixels[i + 2]);
            addPacked(s3, pixels[i + 3]);
        }
        for (; i < to; i++) {
            addPacked(s0, pixels[i]);
        }
        return sum(s0, s1, s2, s3);
    }

    /** Like {@link #countPacked} for interleaved RGB bytes ({@link RgbBytes}): pixel i at bytes 3i, 3i + 1, 3i + 2. */
    private static int[] countRgb(byte[] rgb, int from, int to) {
        int[] s0 = new int[4 * BINS];
        int[] s1 = new int[4 * BINS];
        int[] s2 = new int[4 * BINS];
        int[] s3 = new int[4 * BINS];
        int i = from;
        for (; i + 3 < to; i += 4) {
            int j = 3 * i;
            add(s0, rgb[j] & 0xff, rgb[j + 1] & 0xff, rgb[j + 2] & 0xff);
            add(s1, rgb[j + 3] & 0xff, rgb[j + 4] & 0xff, rgb[j + 5] & 0xff);
            add(s2, rgb[j + 6] & 0xff, rgb[j + 7] & 0xff, rgb[j + 8] & 0xff);
            add(s3, rgb[j + 9] & 0xff, rgb[j + 10] & 0xff, rgb[j + 11] & 0xff);
        }
        for (; i < to; i++) {
            int j = 3 * i;
            add(s0, rgb[j] & 0xff, rgb[j + 1] & 0xff, rgb[j + 2] & 0xff);
        }
        return sum(s0, s1, s2, s3);
    }

    private static int[] sum(int[] s0, int[] s1, int[] s2, int[] s3) {
        for (int k = 0; k < s0.length; k++) {
            s0[k] += s1[k] + s2[k] + s3[k];
        }
        return s0;
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
     * 2^31 pixels in all. For bins that outlive the call (rows counted one by one); a whole band
     * counts faster in {@link #countPacked}.
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

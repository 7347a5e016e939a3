package dev.pixelstep.functions.analyser;

import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;

/**
 * 256-bin histograms of the red, green, blue and {@linkplain Channel#LUMINANCE luminance}
 * channels of an image, counting every pixel once. Alpha is ignored: a transparent pixel counts
 * with its stored colour. Immutable.
 */
public final class ImageHistogram {

    /** Bins per channel: one per 8-bit value. */
    public static final int BINS = 256;

    private final int width;
    private final int height;
    private final Map<Channel, long[]> bins;

    private ImageHistogram(int width, int height, Map<Channel, long[]> bins) {
        this.width = width;
        this.height = height;
        this.bins = bins;
    }

    /** Counts every pixel of {@code image}. */
    public static ImageHistogram of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        long[] red = new long[BINS];
        long[] green = new long[BINS];
        long[] blue = new long[BINS];
        long[] luma = new long[BINS];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int r = (p >>> 16) & 0xff;
                int g = (p >>> 8) & 0xff;
                int b = p & 0xff;
                red[r]++;
                green[g]++;
                blue[b]++;
                luma[luma(r, g, b)]++;
            }
        }
        Map<Channel, long[]> bins = new EnumMap<>(Channel.class);
        bins.put(Channel.RED, red);
        bins.put(Channel.GREEN, green);
        bins.put(Channel.BLUE, blue);
        bins.put(Channel.LUMINANCE, luma);
        return new ImageHistogram(w, h, bins);
    }

    /** Rec. 709 luma of 8-bit gamma-encoded components, rounded to the nearest integer. */
    static int luma(int r, int g, int b) {
        return (2126 * r + 7152 * g + 722 * b + 5000) / 10000;
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

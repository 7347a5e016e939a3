package dev.pixelstep.operations.raster;

/**
 * A lookup table applied to the red, green and blue channel of every pixel, alpha kept: the one
 * loop behind every per-channel point operation (invert, brightness, contrast, posterize,
 * solarize). One pass over the {@code int[]}, no per-pixel calls; large images in parallel bands
 * of pixels (each pixel independently, so deterministic).
 */
public final class ChannelTable {

    private final int[] table;
    private final int[] green;
    private final int[] blue;

    private ChannelTable(int[] red, int[] green, int[] blue) {
        this.table = red;
        this.green = green;
        this.blue = blue;
    }

    /** A table from a function of one channel value 0..255; results are clamped to 0..255. */
    public static ChannelTable of(java.util.function.IntUnaryOperator function) {
        int[] table = table(function);
        return new ChannelTable(table, table, table);
    }

    /** A table per channel (red, green, blue), each from a function of one value 0..255; results clamped to 0..255. */
    public static ChannelTable of(java.util.function.IntUnaryOperator red, java.util.function.IntUnaryOperator green,
                                  java.util.function.IntUnaryOperator blue) {
        return new ChannelTable(table(red), table(green), table(blue));
    }

    private static int[] table(java.util.function.IntUnaryOperator function) {
        int[] table = new int[256];
        for (int v = 0; v < 256; v++) {
            table[v] = Math.max(0, Math.min(255, function.applyAsInt(v)));
        }
        return table;
    }

    /**
     * Writes every pixel of {@code in} with the table applied to {@code out} (alpha bits kept): one
     * pass, reading and writing once; {@code out} may be {@code in}.
     */
    public void apply(int[] in, int[] out) {
        Bands.run(in.length, in.length, (from, to) -> apply(in, out, from, to));
    }

    private void apply(int[] in, int[] out, int from, int to) {
        int[] t = table;
        int[] g = green;
        int[] b = blue;
        for (int i = from; i < to; i++) {
            int p = in[i];
            out[i] = (p & 0xff000000) | t[(p >> 16) & 0xff] << 16 | g[(p >> 8) & 0xff] << 8 | b[p & 0xff];
        }
    }

    /** The mapped value of one channel value (the red table's, the only one unless made per channel). */
    public int map(int value) {
        return table[value];
    }
}

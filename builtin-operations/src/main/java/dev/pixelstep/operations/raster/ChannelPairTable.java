package dev.pixelstep.operations.raster;

import java.util.function.IntBinaryOperator;

/**
 * A lookup table of a function of two channel values, applied to the red, green and blue channel
 * of every pixel of two images, alpha taken from the first: the one loop behind every operation that
 * combines an image with a blurred copy of itself (sharpen, unsharp-mask, glow). The two-input twin
 * of {@link ChannelTable}: one pass, no per-pixel calls (65,536 one-byte entries, made once per
 * application), large images in parallel bands of pixels.
 */
public final class ChannelPairTable {

    private final byte[] table;

    private ChannelPairTable(byte[] table) {
        this.table = table;
    }

    /** A table from {@code function(value, other)} for values 0..255; results are clamped to 0..255. */
    public static ChannelPairTable of(IntBinaryOperator function) {
        byte[] table = new byte[256 * 256];
        for (int value = 0; value < 256; value++) {
            for (int other = 0; other < 256; other++) {
                table[value << 8 | other] = (byte) Math.max(0, Math.min(255, function.applyAsInt(value, other)));
            }
        }
        return new ChannelPairTable(table);
    }

    /**
     * Writes to {@code out} every pixel of {@code in} with each colour channel replaced by the
     * table's value for it and the same channel of {@code other} (alpha bits of {@code in} kept):
     * one pass; {@code out} may be {@code in} or {@code other}.
     */
    public void apply(int[] in, int[] other, int[] out) {
        Bands.run(in.length, in.length, (from, to) -> apply(in, other, out, from, to));
    }

    private void apply(int[] in, int[] other, int[] out, int from, int to) {
        byte[] t = table;
        for (int i = from; i < to; i++) {
            int p = in[i];
            int q = other[i];
            out[i] = (p & 0xff000000)
                    | (t[(p >> 8 & 0xff00) | (q >> 16 & 0xff)] & 0xff) << 16
                    | (t[(p & 0xff00) | (q >> 8 & 0xff)] & 0xff) << 8
                    | (t[(p << 8 & 0xff00) | (q & 0xff)] & 0xff);
        }
    }
}

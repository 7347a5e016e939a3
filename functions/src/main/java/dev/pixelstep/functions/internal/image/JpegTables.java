package dev.pixelstep.functions.internal.image;

import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGQTable;

/**
 * The tables of {@link JpegWriter}'s baseline JPEG files: the example quantisation tables of the
 * JPEG standard (Annex K, {@link JPEGQTable#K1Luminance} and {@link JPEGQTable#K2Chrominance})
 * scaled by the IJG quality formula, which is what the JDK's writer at
 * {@code setCompressionQuality(q / 100f)} and libjpeg's {@code jpeg_set_quality(q)} (Pillow's
 * {@code quality=q}) use; and the standard Huffman tables of Annex K.3
 * ({@link JPEGHuffmanTable#StdDCLuminance} ...), libjpeg's defaults without optimisation. The
 * tables come from the JDK's public constants rather than copies. Immutable.
 */
final class JpegTables {

    /** Natural index (row * 8 + column) of the coefficient at each zig-zag position. */
    static final int[] ZIGZAG = zigzag();

    /** The standard Huffman tables (the same at every quality): the DHT segment writes them, the coder codes with them. */
    static final Huffman DC_LUMA = new Huffman(JPEGHuffmanTable.StdDCLuminance);
    static final Huffman AC_LUMA = new Huffman(JPEGHuffmanTable.StdACLuminance);
    static final Huffman DC_CHROMA = new Huffman(JPEGHuffmanTable.StdDCChrominance);
    static final Huffman AC_CHROMA = new Huffman(JPEGHuffmanTable.StdACChrominance);

    /** Quantisation tables in natural order: luminance, chrominance. */
    final int[] lumaQuant;
    final int[] chromaQuant;
    /** The quantisation of {@link ForwardDct}'s outputs by multiplication, luminance and chrominance. */
    final ForwardDct.Quantisers lumaQuantisers;
    final ForwardDct.Quantisers chromaQuantisers;

    JpegTables(int quality) {
        lumaQuant = scaled(JPEGQTable.K1Luminance.getTable(), quality);
        chromaQuant = scaled(JPEGQTable.K2Chrominance.getTable(), quality);
        lumaQuantisers = ForwardDct.Quantisers.of(lumaQuant);
        chromaQuantisers = ForwardDct.Quantisers.of(chromaQuant);
    }

    /** The IJG quality scaling: percentage 5000 / q below 50, 200 - 2q above; rounded, clamped to 1..255 (baseline). */
    static int[] scaled(int[] base, int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality " + quality + " is outside 1..100");
        }
        int percent = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        int[] out = new int[64];
        for (int i = 0; i < 64; i++) {
            out[i] = Math.max(1, Math.min(255, (base[i] * percent + 50) / 100));
        }
        return out;
    }

    private static int[] zigzag() {
        int[] order = new int[64];
        int k = 0;
        for (int diagonal = 0; diagonal < 15; diagonal++) {
            int low = Math.max(0, diagonal - 7);
            int high = Math.min(diagonal, 7);
            // odd diagonals run down the rows (top right to bottom left), even ones up
            for (int i = 0; i <= high - low; i++) {
                int row = diagonal % 2 == 1 ? low + i : high - i;
                order[k++] = row * 8 + diagonal - row;
            }
        }
        return order;
    }

    /**
     * One Huffman table: its DHT contents (code lengths and symbols) and, per symbol, the code and
     * its length (Annex C of the standard: canonical codes in order of length).
     */
    static final class Huffman {
        final byte[] lengths = new byte[16];
        final byte[] symbols;
        /** Per symbol: its code and the code's length in bits, {@code code << 8 | length} (0 for a symbol the table lacks). */
        final int[] codeAndSize = new int[256];

        Huffman(JPEGHuffmanTable table) {
            short[] counts = table.getLengths();
            short[] values = table.getValues();
            symbols = new byte[values.length];
            int next = 0;
            int k = 0;
            for (int bits = 1; bits <= 16; bits++) {
                lengths[bits - 1] = (byte) counts[bits - 1];
                for (int i = 0; i < counts[bits - 1]; i++, k++) {
                    int symbol = values[k] & 0xff;
                    symbols[k] = (byte) symbol;
                    codeAndSize[symbol] = next++ << 8 | bits;
                }
                next <<= 1;
            }
        }
    }
}

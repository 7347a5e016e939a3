package dev.pixelstep.functions.internal.image;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Compresses consecutive strips of an image into entropy-coded JPEG data, each strip one restart
 * interval: colour conversion straight from the packed pixels (alpha composited onto white),
 * 4:2:0 chroma subsampling (a 2x2 mean), {@link ForwardDct}, quantisation by multiplication and
 * Huffman coding with a 64-bit bit accumulator and 0xFF byte stuffing. After every strip but the
 * image's last it writes the restart marker {@code RSTn}, n = strip index mod 8, so that the
 * output of several encoders over consecutive strip ranges concatenates into one scan.
 *
 * <p>An MCU row is done in groups of up to {@link #LANES} MCUs, blocks across: the group's pixels
 * are first deinterleaved so that each column of an MCU is one array along the MCUs; from there
 * colour conversion, chroma downsampling, both halves of the DCT, quantisation (into zig-zag
 * order) and the masks of non-zero coefficients are loops over the MCUs on arrays at the same
 * index, which the JIT vectorises; only the deinterleaving and the Huffman coding stay scalar.
 * The arithmetic per sample is the scalar encoder's, in the same order, so the files are the same
 * byte for byte. One instance per thread: it holds the buffers of one group.
 */
final class JpegStripEncoder {

    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * At most this many blocks (grey) or MCUs (colour) are transformed together: the length of the
     * loops the JIT vectorises, long enough for its unrolled vector loops to carry most of the work
     * (a 13 MP photo's MCU row is 276 MCUs).
     */
    static final int LANES = 320;

    private final JpegWriter.Layout layout;
    private final JpegTables tables;
    private final int[] pixels;
    private final boolean alpha;
    private final int width;
    private final int height;
    /** Blocks or MCUs in one group (at most {@link #LANES}). */
    private final int lanes;
    /**
     * Two source rows of a group of MCUs (colour images), deinterleaved: {@code source[16 r + c][i]}
     * is the pixel in column c of MCU i in row r (0 or 1), composited onto white, the image's last
     * column repeated past its right edge.
     */
    private final int[][] source;
    /**
     * Samples and then DCT outputs of a group, blocks across: {@code samples[64 b + n][i]} is
     * sample n (natural order) of block b of MCU i; b = 0..3 the luma blocks in MCU order, 4
     * chroma blue, 5 chroma red; grey images have b = 0 only (MCU i is block i).
     */
    private final float[][] samples;
    /** The quantised coefficients, in zig-zag order: {@code coefficients[64 b + k][i]}. */
    private final int[][] coefficients;
    /** Bit k of {@code high[b][i] << 32 | low[b][i]}: coefficient k (zig-zag) of block b of MCU i is not zero. */
    private final int[][] low;
    private final int[][] high;

    private byte[] out;
    private int position;
    /** Bits waiting to be written: the low {@code 64 - free} bits of {@code bits}. */
    private long bits;
    private int free = 64;
    private int lumaDc;
    private int blueDc;
    private int redDc;

    JpegStripEncoder(JpegWriter.Layout layout, JpegTables tables, int[] pixels, boolean alpha, int initialBytes) {
        this.layout = layout;
        this.tables = tables;
        this.pixels = pixels;
        this.alpha = alpha;
        this.width = layout.width();
        this.height = layout.height();
        int groups = (layout.mcusPerRow() + LANES - 1) / LANES;
        this.lanes = (layout.mcusPerRow() + groups - 1) / groups; // groups of (nearly) equal size
        int blocks = layout.grey() ? 1 : 6;
        this.source = layout.grey() ? null : new int[32][lanes];
        this.samples = new float[64 * blocks][lanes];
        this.coefficients = new int[64 * blocks][lanes];
        this.low = new int[blocks][lanes];
        this.high = new int[blocks][lanes];
        this.out = new byte[Math.max(8192, initialBytes)];
    }

    /** Encodes strips {@code from} (inclusive) to {@code to} (exclusive). */
    void encode(int from, int to, Runnable beforeEachStrip) {
        for (int strip = from; strip < to; strip++) {
            beforeEachStrip.run();
            lumaDc = 0;
            blueDc = 0;
            redDc = 0;
            int firstRow = strip * layout.mcuRowsPerStrip();
            int lastRow = Math.min(layout.mcuRows(), firstRow + layout.mcuRowsPerStrip());
            for (int mcuRow = firstRow; mcuRow < lastRow; mcuRow++) {
                if (layout.grey()) {
                    greyRow(mcuRow);
                } else {
                    colourRow(mcuRow);
                }
            }
            flushBits();
            if (strip + 1 < layout.strips()) {
                ensure(2);
                out[position++] = (byte) 0xFF;
                out[position++] = (byte) (0xD0 + strip % 8);
            }
        }
    }

    /** The encoded bytes: {@code bytes()[0, length())}. */
    byte[] bytes() {
        return out;
    }

    int length() {
        return position;
    }

    private void colourRow(int mcuRow) {
        int top = mcuRow * 16;
        int mcus = layout.mcusPerRow();
        for (int first = 0; first < mcus; first += lanes) {
            int count = Math.min(lanes, mcus - first);
            for (int pair = 0; pair < 8; pair++) {
                gather(Math.min(top + 2 * pair, height - 1), 16 * first, count, 0);
                gather(Math.min(top + 2 * pair + 1, height - 1), 16 * first, count, 16);
                luma(2 * pair, 0, count);
                luma(2 * pair + 1, 16, count);
                chroma(pair, count);
            }
            for (int b = 0; b < 6; b++) {
                transform(b, b < 4 ? tables.lumaScale : tables.chromaScale, count);
            }
            JpegTables t = tables;
            for (int i = 0; i < count; i++) {
                ensure(4096);
                lumaDc = code(0, i, lumaDc, t.dcLuma, t.acLuma);
                lumaDc = code(1, i, lumaDc, t.dcLuma, t.acLuma);
                lumaDc = code(2, i, lumaDc, t.dcLuma, t.acLuma);
                lumaDc = code(3, i, lumaDc, t.dcLuma, t.acLuma);
                blueDc = code(4, i, blueDc, t.dcChroma, t.acChroma);
                redDc = code(5, i, redDc, t.dcChroma, t.acChroma);
            }
        }
    }

    /**
     * Deinterleaves row {@code y} from column {@code x0} for {@code count} MCUs into
     * {@code source[at + c]} (c = column in the MCU), repeating the last column past the edge and
     * compositing onto white.
     */
    private void gather(int y, int x0, int count, int at) {
        int[][] s = source;
        int row = y * width;
        int whole = Math.max(0, Math.min(count, (width - x0) / 16)); // MCUs inside the image
        for (int c = 0; c < 16; c++) {
            int[] d = s[at + c];
            for (int i = 0, p = row + x0 + c; i < whole; i++, p += 16) {
                d[i] = pixels[p];
            }
            for (int i = whole; i < count; i++) {
                d[i] = pixels[row + Math.min(x0 + 16 * i + c, width - 1)];
            }
            if (alpha) {
                for (int i = 0; i < count; i++) {
                    d[i] = ontoWhite(d[i]);
                }
            }
        }
    }

    /** The luma of source row {@code at} (0 or 16) into row {@code r} (0..15) of the MCUs' luma blocks, shifted to be centred on zero. */
    private void luma(int r, int at, int count) {
        for (int c = 0; c < 16; c++) {
            int[] s = source[at + c];
            float[] l = samples[(r >> 3) * 128 + (c >> 3) * 64 + (r & 7) * 8 + (c & 7)];
            for (int i = 0; i < count; i++) {
                int p = s[i];
                // 0.299 R + 0.587 G + 0.114 B in 16-bit fixed point (exact in a float), one conversion a pixel
                l[i] = (19595 * ((p >>> 16) & 0xff) + 38470 * ((p >>> 8) & 0xff) + 7471 * (p & 0xff)) * 0x1p-16f - 128f;
            }
        }
    }

    /** Chroma row {@code r} (0..7) of the MCUs from both source rows: the chroma of each 2x2 mean colour. */
    private void chroma(int r, int count) {
        for (int c = 0; c < 8; c++) {
            int[] a = source[2 * c];
            int[] b = source[2 * c + 1];
            int[] d = source[16 + 2 * c];
            int[] e = source[16 + 2 * c + 1];
            float[] blue = samples[4 * 64 + 8 * r + c];
            float[] red = samples[5 * 64 + 8 * r + c];
            for (int i = 0; i < count; i++) {
                int p00 = a[i];
                int p01 = b[i];
                int p10 = d[i];
                int p11 = e[i];
                // red and blue summed in two 16-bit lanes, green apart: the mean of the four pixels'
                // chroma is the chroma of their mean colour
                int redBlue = (p00 & 0xff00ff) + (p01 & 0xff00ff) + (p10 & 0xff00ff) + (p11 & 0xff00ff);
                int green = (p00 & 0xff00) + (p01 & 0xff00) + (p10 & 0xff00) + (p11 & 0xff00);
                float rr = redBlue >>> 16;
                float g = green >>> 8;
                float bl = redBlue & 0xffff;
                blue[i] = -0.0421840f * rr - 0.0828160f * g + 0.125f * bl;
                red[i] = 0.125f * rr - 0.1046720f * g - 0.0203280f * bl;
            }
        }
    }

    /** A one-component row: the pixels are grey (R = G = B), so luma is the blue byte. */
    private void greyRow(int mcuRow) {
        int top = mcuRow * 8;
        int blocks = layout.mcusPerRow();
        for (int first = 0; first < blocks; first += lanes) {
            int count = Math.min(lanes, blocks - first);
            int x0 = 8 * first;
            int whole = Math.max(0, Math.min(count, (width - x0) / 8));
            for (int r = 0; r < 8; r++) {
                int row = Math.min(top + r, height - 1) * width;
                for (int c = 0; c < 8; c++) {
                    float[] l = samples[8 * r + c];
                    if (alpha) {
                        for (int i = 0; i < count; i++) {
                            l[i] = (ontoWhite(pixels[row + Math.min(x0 + 8 * i + c, width - 1)]) & 0xff) - 128f;
                        }
                    } else {
                        for (int i = 0, p = row + x0 + c; i < whole; i++, p += 8) {
                            l[i] = (pixels[p] & 0xff) - 128f;
                        }
                        for (int i = whole; i < count; i++) {
                            l[i] = (pixels[row + Math.min(x0 + 8 * i + c, width - 1)] & 0xff) - 128f;
                        }
                    }
                }
            }
            transform(0, tables.lumaScale, count);
            JpegTables t = tables;
            for (int i = 0; i < count; i++) {
                ensure(1024);
                lumaDc = code(0, i, lumaDc, t.dcLuma, t.acLuma);
            }
        }
    }

    /**
     * The DCT of block {@code b} of the group's MCUs, quantised (round half up, like libjpeg) into
     * {@link #coefficients} in zig-zag order, with the masks of the non-zero ones.
     */
    private void transform(int b, float[] scale, int count) {
        ForwardDct.columns(samples, 64 * b, count);
        ForwardDct.rows(samples, 64 * b, count);
        int[] lo = low[b];
        int[] hi = high[b];
        Arrays.fill(lo, 0);
        Arrays.fill(hi, 0);
        int[] order = JpegTables.ZIGZAG;
        for (int k = 0; k < 64; k++) {
            int n = order[k];
            float[] f = samples[64 * b + n];
            float s = scale[n];
            int[] q = coefficients[64 * b + k];
            int[] mask = k < 32 ? lo : hi;
            for (int i = 0; i < count; i++) {
                int c = (int) (f[i] * s + 16384.5f) - 16384;
                q[i] = c;
                mask[i] |= ((c | -c) >>> 31) << k;
            }
        }
    }

    /**
     * Huffman codes block {@code b} of MCU {@code i}; returns its DC coefficient (the next block's
     * predictor). The bits gather in a 64-bit word, written when full ({@link #flush}); the word,
     * its free bits and the write position are kept in locals for the block.
     */
    private int code(int b, int i, int previousDc, JpegTables.Huffman dc, JpegTables.Huffman ac) {
        int[][] c = coefficients;
        int base = 64 * b;
        int dcValue = c[base][i];
        long bits = this.bits;
        int free = this.free;
        int position = this.position;
        byte[] out = this.out;

        int diff = dcValue - previousDc;
        int magnitude = bitLength(diff);
        int entry = dc.codeAndSize[magnitude];
        int value = (entry >>> 8) << magnitude | (diff + (diff >> 31)) & ((1 << magnitude) - 1);
        int size = (entry & 0xff) + magnitude;
        // put(value, size), here and below: the low 'size' bits of value, most significant first
        if (size > free) {
            position = flush(out, position, bits << free | value >>> (size - free));
            free += 64;
        }
        bits = bits << size | value;
        free -= size;

        int[] table = ac.codeAndSize;
        long nonZero = ((long) high[b][i] << 32 | low[b][i] & 0xffffffffL) & ~1L;
        int last = 0;
        while (nonZero != 0) {
            int k = Long.numberOfTrailingZeros(nonZero);
            int run = k - last - 1;
            if (run > 15) { // ZRL: sixteen zeros
                entry = table[0xF0];
                value = entry >>> 8;
                size = entry & 0xff;
                last += 16;
            } else {
                nonZero &= nonZero - 1;
                int v = c[base + k][i];
                int n = bitLength(v);
                entry = table[run << 4 | n];
                value = (entry >>> 8) << n | (v + (v >> 31)) & ((1 << n) - 1);
                size = (entry & 0xff) + n;
                last = k;
            }
            if (size > free) {
                position = flush(out, position, bits << free | value >>> (size - free));
                free += 64;
            }
            bits = bits << size | value;
            free -= size;
        }
        if (last != 63) { // EOB
            entry = table[0];
            size = entry & 0xff;
            if (size > free) {
                position = flush(out, position, bits << free | (entry >>> 8) >>> (size - free));
                free += 64;
            }
            bits = bits << size | entry >>> 8;
            free -= size;
        }
        this.bits = bits;
        this.free = free;
        this.position = position;
        return dcValue;
    }

    /** The colour of {@code argb} composited onto opaque white, each channel rounded to the nearest value. */
    static int ontoWhite(int argb) {
        int a = argb >>> 24;
        if (a == 255) {
            return argb;
        }
        int white = 255 * (255 - a) + 127;
        int r = (((argb >> 16) & 0xff) * a + white) / 255;
        int g = (((argb >> 8) & 0xff) * a + white) / 255;
        int b = ((argb & 0xff) * a + white) / 255;
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    /** Bits needed for |v| (JPEG's magnitude category). */
    private static int bitLength(int v) {
        return 32 - Integer.numberOfLeadingZeros(v < 0 ? -v : v);
    }

    /** Writes a full word at {@code position}: eight bytes at once unless one of them is 0xFF and needs a stuffed zero byte. */
    private static int flush(byte[] out, int position, long word) {
        long inverted = ~word;
        if (((inverted - 0x0101010101010101L) & word & 0x8080808080808080L) == 0) {
            BIG_ENDIAN_LONG.set(out, position, word);
            return position + 8;
        }
        for (int shift = 56; shift >= 0; shift -= 8) {
            byte b = (byte) (word >>> shift);
            out[position++] = b;
            if (b == (byte) 0xFF) {
                out[position++] = 0;
            }
        }
        return position;
    }

    private void emit(int value) {
        byte b = (byte) value;
        out[position++] = b;
        if (b == (byte) 0xFF) {
            out[position++] = 0;
        }
    }

    /** Pads the last byte with one bits (as the standard asks before a marker) and writes what is left. */
    private void flushBits() {
        ensure(32);
        int count = 64 - free;
        int pad = (8 - count % 8) % 8;
        long word = bits << pad | ((1L << pad) - 1);
        for (int shift = count + pad - 8; shift >= 0; shift -= 8) {
            emit((int) (word >>> shift));
        }
        bits = 0;
        free = 64;
    }

    private void ensure(int bytes) {
        if (out.length - position < bytes) {
            out = Arrays.copyOf(out, Math.max(out.length + (out.length >> 1), position + bytes));
        }
    }
}

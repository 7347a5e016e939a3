package dev.pixelstep.functions.internal.image;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Compresses consecutive strips of an image into entropy-coded JPEG data, each strip one restart
 * interval: fixed-point colour conversion straight from the packed pixels (alpha composited onto
 * white), 4:2:0 chroma subsampling (a 2x2 mean), the fixed-point {@link ForwardDct}, quantisation
 * by multiplication with a reciprocal and
 * Huffman coding with a 64-bit bit accumulator and 0xFF byte stuffing. After every strip but the
 * image's last it writes the restart marker {@code RSTn}, n = strip index mod 8, so that the
 * output of several encoders over consecutive strip ranges concatenates into one scan.
 *
 * <p>An MCU row is done in groups of up to {@link #LANES} MCUs, blocks across: the group's pixels
 * are first deinterleaved so that each column of an MCU is one array along the MCUs; from there
 * colour conversion, chroma downsampling, both halves of the DCT, quantisation (into zig-zag
 * order) and the masks of non-zero coefficients are loops over the MCUs on arrays at the same
 * index, which the JIT vectorises; only the deinterleaving and the Huffman coding stay scalar.
 * Everything up to the Huffman coding is {@code int} arithmetic, which JDK 17's C2 vectorises as
 * JDK 25's does (it left the int/float conversions of a float pipeline scalar), and which is exact,
 * so compiled, vectorised or interpreted, the same pixels give the same bytes. One instance per
 * thread: it holds the buffers of one group.
 */
final class JpegStripEncoder {

    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * At most this many blocks (grey) or MCUs (colour) are transformed together: the length of the
     * loops the JIT vectorises, long enough for its unrolled vector loops to carry most of the work
     * (a 13 MP photo's MCU row is 276 MCUs).
     */
    static final int LANES = 320;

    /** Luma weights in 16-bit fixed point (0.299, 0.587, 0.114; they sum to 2^16). */
    private static final int LUMA_RED = 19595;
    private static final int LUMA_GREEN = 38470;
    private static final int LUMA_BLUE = 7471;
    /** Rounds to nearest and centres on zero: half of the last kept bit, minus 128 levels. */
    private static final int LUMA_BIAS = (1 << (15 - ForwardDct.SAMPLE_BITS)) - (128 << 16);
    /** Chroma weights in 16-bit fixed point: Cb = 0.5 B - 0.168736 R - 0.331264 G, Cr = 0.5 R - 0.418688 G - 0.081312 B. */
    private static final int HALF_WEIGHT = 32768;
    private static final int BLUE_RED = 11058;
    private static final int BLUE_GREEN = 21710;
    private static final int RED_GREEN = 27439;
    private static final int RED_BLUE = 5329;
    /** From a sum of four pixels times 2^16 to the mean with {@link ForwardDct#SAMPLE_BITS} fraction bits. */
    private static final int CHROMA_SHIFT = 18 - ForwardDct.SAMPLE_BITS;
    private static final int CHROMA_ROUNDING = 1 << (CHROMA_SHIFT - 1);

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
    private final int[][] samples;
    /**
     * The quantised coefficients in zig-zag order, {@code coefficients[64 b + k][i]}, each v as
     * {@code v + (v >> 31)} (v - 1 below zero): the low bits of that are what JPEG appends to a
     * coefficient's Huffman code, and {@code c ^ (c >> 31)} is |v|.
     */
    private final int[][] coefficients;
    /** Bit k of {@code high[b][i] << 32 | low[b][i]}: coefficient k (zig-zag) of block b of MCU i is not zero. */
    private final int[][] low;
    private final int[][] high;
    /** Colour images: the {@link #sums} of one chroma sample's four pixels in a group. */
    private final int[] redBlueSums;
    private final int[] greenSums;

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
        this.samples = new int[64 * blocks][lanes];
        this.coefficients = new int[64 * blocks][lanes];
        this.low = new int[blocks][lanes];
        this.high = new int[blocks][lanes];
        this.redBlueSums = layout.grey() ? null : new int[lanes];
        this.greenSums = layout.grey() ? null : new int[lanes];
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
                transform(b, b < 4 ? tables.lumaQuantisers : tables.chromaQuantisers, count);
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

    /** The luma of source row {@code at} (0 or 16) into row {@code r} (0..15) of the MCUs' luma blocks. */
    private void luma(int r, int at, int count) {
        for (int c = 0; c < 16; c++) {
            luma(source[at + c], samples[(r >> 3) * 128 + (c >> 3) * 64 + (r & 7) * 8 + (c & 7)], count);
        }
    }

    /**
     * The luma of {@code count} packed pixels, centred on zero, with {@link ForwardDct#SAMPLE_BITS}
     * fraction bits: {@code (0.299 R + 0.587 G + 0.114 B - 128) 2^SAMPLE_BITS} rounded to nearest,
     * from 16-bit fixed-point weights (all in {@code int}, which the JIT vectorises on JDK 17 too).
     */
    static void luma(int[] pixels, int[] luma, int count) {
        for (int i = 0; i < count; i++) {
            int p = pixels[i];
            luma[i] = (LUMA_RED * ((p >>> 16) & 0xff) + LUMA_GREEN * ((p >>> 8) & 0xff) + LUMA_BLUE * (p & 0xff) + LUMA_BIAS)
                    >> (16 - ForwardDct.SAMPLE_BITS);
        }
    }

    /** Chroma row {@code r} (0..7) of the MCUs from both source rows: the chroma of each 2x2 mean colour. */
    private void chroma(int r, int count) {
        for (int c = 0; c < 8; c++) {
            sums(source[2 * c], source[2 * c + 1], source[16 + 2 * c], source[16 + 2 * c + 1], redBlueSums, greenSums, count);
            chroma(redBlueSums, greenSums, samples[4 * 64 + 8 * r + c], samples[5 * 64 + 8 * r + c], count);
        }
    }

    /**
     * The sums of four pixels' channels {@code a[i] + b[i] + d[i] + e[i]}: red and blue in two
     * 16-bit lanes of {@code redBlue[i]}, green times 256 in {@code green[i]}. (A loop of its own:
     * with the chroma arithmetic in the same loop, JDK 17's C2 left it scalar, 4x slower.)
     */
    static void sums(int[] a, int[] b, int[] d, int[] e, int[] redBlue, int[] green, int count) {
        for (int i = 0; i < count; i++) {
            int p00 = a[i];
            int p01 = b[i];
            int p10 = d[i];
            int p11 = e[i];
            redBlue[i] = (p00 & 0xff00ff) + (p01 & 0xff00ff) + (p10 & 0xff00ff) + (p11 & 0xff00ff);
            green[i] = (p00 & 0xff00) + (p01 & 0xff00) + (p10 & 0xff00) + (p11 & 0xff00);
        }
    }

    /**
     * The chroma (Cb, Cr) of the mean colour of four pixels from their {@link #sums}, with
     * {@link ForwardDct#SAMPLE_BITS} fraction bits, rounded to nearest: the mean of four pixels'
     * chroma is the chroma of their mean colour. The weights are 16-bit fixed point and sum to
     * zero, so a grey has no chroma.
     */
    static void chroma(int[] redBlue, int[] green, int[] blue, int[] red, int count) {
        for (int i = 0; i < count; i++) {
            int rb = redBlue[i];
            int rr = rb >>> 16;
            int g = green[i] >>> 8;
            int bl = rb & 0xffff;
            blue[i] = (HALF_WEIGHT * bl - BLUE_RED * rr - BLUE_GREEN * g + CHROMA_ROUNDING) >> CHROMA_SHIFT;
            red[i] = (HALF_WEIGHT * rr - RED_GREEN * g - RED_BLUE * bl + CHROMA_ROUNDING) >> CHROMA_SHIFT;
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
                    int[] l = samples[8 * r + c];
                    if (alpha) {
                        for (int i = 0; i < count; i++) {
                            l[i] = ((ontoWhite(pixels[row + Math.min(x0 + 8 * i + c, width - 1)]) & 0xff) - 128) << ForwardDct.SAMPLE_BITS;
                        }
                    } else {
                        for (int i = 0, p = row + x0 + c; i < whole; i++, p += 8) {
                            l[i] = ((pixels[p] & 0xff) - 128) << ForwardDct.SAMPLE_BITS;
                        }
                        for (int i = whole; i < count; i++) {
                            l[i] = ((pixels[row + Math.min(x0 + 8 * i + c, width - 1)] & 0xff) - 128) << ForwardDct.SAMPLE_BITS;
                        }
                    }
                }
            }
            transform(0, tables.lumaQuantisers, count);
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
    private void transform(int b, ForwardDct.Quantisers quantisers, int count) {
        ForwardDct.columns(samples, 64 * b, count);
        ForwardDct.rows(samples, 64 * b, count);
        int[] lo = low[b];
        int[] hi = high[b];
        Arrays.fill(lo, 0);
        Arrays.fill(hi, 0);
        int[] order = JpegTables.ZIGZAG;
        for (int k = 0; k < 64; k++) {
            int n = order[k];
            int[] f = samples[64 * b + n];
            int multiplier = quantisers.multiplier()[n];
            int shift = quantisers.shift()[n];
            int rounding = 1 << (shift - 1);
            int[] q = coefficients[64 * b + k];
            int[] mask = k < 32 ? lo : hi;
            for (int i = 0; i < count; i++) {
                int c = (f[i] * multiplier + rounding) >> shift;
                q[i] = c + (c >> 31);
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
        int dcCode = c[base][i];
        int dcValue = dcCode - (dcCode >> 31);
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
                int n = 32 - Integer.numberOfLeadingZeros(v ^ (v >> 31));
                entry = table[run << 4 | n];
                value = (entry >>> 8) << n | v & ((1 << n) - 1);
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

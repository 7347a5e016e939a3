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

    /** Length of {@link #raw}: room for the bytes of several MCUs. */
    private static final int RAW = 16384;
    /** The most bytes one MCU (six blocks) can fill, with the 8 a last store writes: a block is at most 22 + 63 x 26 + 4 bits, 209 bytes. */
    private static final int RAW_PER_MCU = 6 * 209 + 8;

    /**
     * The standard AC Huffman tables (the same for every quality) with each symbol's extra bits
     * folded in, by the run of zeros and the leading zeros of the coefficient's bits: entry
     * {@code chroma << 9 | run << 5 | z}, z = 31 - size ({@link #leadingZeros}), is
     * {@code (code << size) << 5 | (length + size)}, so the bits of a coefficient are
     * {@code entry >>> 5 | its low size bits} and their count {@code entry & 31} (EOB: z = 31).
     * A constant array indexed with a mask, so that the JIT drops the bounds check.
     */
    private static final int[] AC = acTable(JpegTables.AC_LUMA, JpegTables.AC_CHROMA);
    /** The same for the DC tables by size: entry {@code chroma << 4 | size}. */
    private static final int[] DC = dcTable(JpegTables.DC_LUMA, JpegTables.DC_CHROMA);
    /** Entry {@code chroma << 2 | r}: r ZRL codes in one (r = 1..3, the most a block can need before a coefficient), as {@code bits << 6 | count}. */
    private static final long[] ZRL = zrl(JpegTables.AC_LUMA, JpegTables.AC_CHROMA);

    /** The zig-zag position of each natural index (the inverse of {@link JpegTables#ZIGZAG}). */
    private static final int[] ZIGZAG_POSITION = new int[64];

    static {
        for (int k = 0; k < 64; k++) {
            ZIGZAG_POSITION[JpegTables.ZIGZAG[k]] = k;
        }
    }

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
     * The quantised coefficients in zig-zag order, {@code coefficients[b][k][i]}, each v as
     * {@code v + (v >> 31)} (v - 1 below zero): the low bits of that are what JPEG appends to a
     * coefficient's Huffman code, and {@code c ^ (c >> 31)} is |v|.
     */
    private final int[][][] coefficients;
    /** Bit k of {@code high[b][i] << 32 | low[b][i]}: coefficient k (zig-zag) of block b of MCU i is not zero. */
    private final int[][] low;
    private final int[][] high;
    /** Colour images: the {@link #sums} of one chroma sample's four pixels in a group. */
    private final int[] redBlueSums;
    private final int[] greenSums;

    private byte[] out;
    private int position;
    /**
     * The entropy-coded bytes of the last few MCUs before byte stuffing: {@code raw[0, length)},
     * moved to {@link #out} by {@link #drain}. The coder writes eight bytes at a time, of which the
     * whole bytes of its bit word count, without a test for 0xFF.
     */
    private final byte[] raw = new byte[RAW];
    private int length;
    /** Bits waiting to be written: the top {@code count} bits of {@code bits} (at most 7 between blocks). */
    private long bits;
    private int count;
    /** The DC predictors of the components (luma, blue, red): the last block's DC coefficient. */
    private final int[] predictors = new int[3];

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
        this.coefficients = new int[blocks][64][lanes];
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
            Arrays.fill(predictors, 0);
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
            int[][][] c = coefficients;
            for (int i = 0; i < count; i++) {
                if (length > RAW - RAW_PER_MCU) {
                    drain();
                }
                code(c[0], low[0], high[0], i, 0);
                code(c[1], low[1], high[1], i, 0);
                code(c[2], low[2], high[2], i, 0);
                code(c[3], low[3], high[3], i, 0);
                code(c[4], low[4], high[4], i, 1);
                code(c[5], low[5], high[5], i, 2);
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
            int[][] c = coefficients[0];
            for (int i = 0; i < count; i++) {
                if (length > RAW - RAW_PER_MCU) {
                    drain();
                }
                code(c, low[0], high[0], i, 0);
            }
        }
    }

    /**
     * The DCT of block {@code b} of the group's MCUs, quantised (round half up, like libjpeg) into
     * {@link #coefficients} in zig-zag order, with the masks of the non-zero ones.
     */
    private void transform(int b, ForwardDct.Quantisers quantisers, int count) {
        ForwardDct.columns(samples, 64 * b, count);
        int[] lo = low[b];
        int[] hi = high[b];
        Arrays.fill(lo, 0);
        Arrays.fill(hi, 0);
        int[] multipliers = quantisers.multiplier();
        int[] shifts = quantisers.shift();
        for (int v = 0; v < 64; v += 8) {
            // each row quantised while its coefficients are still in the L1 cache
            ForwardDct.row(samples, 64 * b + v, count);
            for (int n = v; n < v + 8; n++) {
                int k = ZIGZAG_POSITION[n];
                quantise(samples[64 * b + n], multipliers[n], shifts[n], coefficients[b][k], k < 32 ? lo : hi, k & 31, count);
            }
        }
    }

    /** Coefficient {@code f} of the blocks quantised into {@code q}, bit {@code bit} of {@code mask} set where not zero. */
    private static void quantise(int[] f, int multiplier, int shift, int[] q, int[] mask, int bit, int count) {
        int rounding = 1 << (shift - 1);
        for (int i = 0; i < count; i++) {
            int c = (f[i] * multiplier + rounding) >> shift;
            q[i] = c + (c >> 31);
            mask[i] |= ((c | -c) >>> 31) << bit;
        }
    }

    /**
     * Huffman codes block {@code i} of {@code planes} (its quantised coefficients, {@code planes[k][i]}, and the masks of
     * the non-zero ones in {@code low[i]}, {@code high[i]}) of {@code component} (0 luma, 1 blue, 2 red), whose DC
     * predictor it updates. The bits gather at the top of a 64-bit word; after the DC symbol and after every two AC
     * symbols its whole bytes are stored: 7 bits left over and two symbols of at most 26 bits fit in the word, so there
     * is no test whether it is full, a branch the processor mispredicted once a word.
     */
    private void code(int[][] planes, int[] low, int[] high, int i, int component) {
        int dcCode = planes[0][i];
        int dcValue = dcCode - (dcCode >> 31);
        int diff = dcValue - predictors[component];
        predictors[component] = dcValue;
        int chroma = component == 0 ? 0 : 1;
        long bits = this.bits;
        int count = this.count;
        byte[] raw = this.raw;
        int length = this.length;

        int magnitude = bitLength(diff);
        int entry = DC[(chroma << 4 | magnitude) & 31];
        // add(value, size), here and below: the low 'size' bits of value below the bits there are
        int size = entry & 31;
        bits |= (long) (entry >>> 5 | (diff + (diff >> 31)) & ((1 << magnitude) - 1)) << (64 - count - size);
        count += size;
        // store, here and below: eight bytes written, the whole ones kept, the rest (under 8 bits) moved to the top
        BIG_ENDIAN_LONG.set(raw, length, bits);
        length += count >>> 3;
        bits <<= count & ~7;
        count &= 7;

        long nonZero = ((long) high[i] << 32 | low[i] & 0xffffffffL) & ~1L;
        int table = chroma << 9;
        int last = 0;
        int pair = 0;
        while (nonZero != 0) {
            int k = Long.numberOfTrailingZeros(nonZero);
            nonZero &= nonZero - 1;
            int run = k - last - 1;
            last = k;
            if (run > 15) { // ZRL: sixteen zeros, up to three times (at most 33 bits), in a word of their own
                BIG_ENDIAN_LONG.set(raw, length, bits);
                length += count >>> 3;
                bits <<= count & ~7;
                count &= 7;
                long zrl = ZRL[(chroma << 2 | run >> 4) & 7];
                int zrlSize = (int) zrl & 63;
                bits |= (zrl >>> 6) << (64 - count - zrlSize);
                count += zrlSize;
                BIG_ENDIAN_LONG.set(raw, length, bits);
                length += count >>> 3;
                bits <<= count & ~7;
                count &= 7;
                run &= 15;
            }
            int v = planes[k][i];
            int z = leadingZeros(v);
            entry = AC[(table | run << 5 | z) & 1023];
            size = entry & 31;
            bits |= (long) (entry >>> 5 | v & (Integer.MAX_VALUE >>> z)) << (64 - count - size);
            count += size;
            pair ^= 1;
            if (pair == 0) {
                BIG_ENDIAN_LONG.set(raw, length, bits);
                length += count >>> 3;
                bits <<= count & ~7;
                count &= 7;
            }
        }
        if (last != 63) { // EOB
            entry = AC[(table | 31) & 1023];
            size = entry & 31;
            bits |= (long) (entry >>> 5) << (64 - count - size);
            count += size;
        }
        BIG_ENDIAN_LONG.set(raw, length, bits);
        length += count >>> 3;
        bits <<= count & ~7;
        count &= 7;
        this.bits = bits;
        this.count = count;
        this.length = length;
    }

    /**
     * 31 minus the size of a non-zero coefficient stored as {@code v} (v - 1 below zero; see
     * {@link #coefficients}): the highest bit where v and 2v differ is bit size (above it a
     * positive v has zeros, a negative one ones, and bit size - 1 is the sign's opposite).
     */
    private static int leadingZeros(int v) {
        return Integer.numberOfLeadingZeros(v ^ v << 1);
    }

    private static int[] acTable(JpegTables.Huffman luma, JpegTables.Huffman chroma) {
        int[] table = new int[1024];
        for (int run = 0; run < 16; run++) {
            for (int size = 0; size < 16; size++) {
                int at = run << 5 | 31 - size;
                table[at] = withExtraBits(luma.codeAndSize[run << 4 | size], size);
                table[512 + at] = withExtraBits(chroma.codeAndSize[run << 4 | size], size);
            }
        }
        return table;
    }

    private static int[] dcTable(JpegTables.Huffman luma, JpegTables.Huffman chroma) {
        int[] table = new int[32];
        for (int size = 0; size < 16; size++) {
            table[size] = withExtraBits(luma.codeAndSize[size], size);
            table[16 + size] = withExtraBits(chroma.codeAndSize[size], size);
        }
        return table;
    }

    /** A symbol's code and length ({@link JpegTables.Huffman#codeAndSize}) with room for {@code size} extra bits: {@code (code << size) << 5 | (length + size)}. */
    private static int withExtraBits(int codeAndSize, int size) {
        return (codeAndSize >>> 8) << size << 5 | (codeAndSize & 0xff) + size;
    }

    private static long[] zrl(JpegTables.Huffman lumaAc, JpegTables.Huffman chromaAc) {
        JpegTables.Huffman[] tables = {lumaAc, chromaAc};
        long[] zrl = new long[8];
        for (int chroma = 0; chroma < 2; chroma++) {
            int code = tables[chroma].codeAndSize[0xF0];
            long bits = 0;
            int count = 0;
            for (int r = 1; r < 4; r++) {
                bits = bits << (code & 0xff) | code >>> 8;
                count += code & 0xff;
                zrl[chroma << 2 | r] = bits << 6 | count;
            }
        }
        return zrl;
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

    /** Moves the bytes in {@link #raw} to {@link #out}, stuffing a zero byte after each 0xFF. */
    private void drain() {
        ensure(2 * length); // every byte could be 0xFF
        byte[] out = this.out;
        byte[] raw = this.raw;
        int position = this.position;
        int whole = length & ~7;
        for (int at = 0; at < whole; at += 8) {
            position = flush(out, position, (long) BIG_ENDIAN_LONG.get(raw, at));
        }
        for (int at = whole; at < length; at++) {
            byte b = raw[at];
            out[position++] = b;
            if (b == (byte) 0xFF) {
                out[position++] = 0;
            }
        }
        this.position = position;
        length = 0;
    }

    /** Pads the last byte with one bits (as the standard asks before a marker) and writes it. */
    private void flushBits() {
        drain();
        ensure(2);
        if (count > 0) {
            emit((int) (bits >>> 56) | 0xff >> count);
        }
        bits = 0;
        count = 0;
    }

    private void ensure(int bytes) {
        if (out.length - position < bytes) {
            out = Arrays.copyOf(out, Math.max(out.length + (out.length >> 1), position + bytes));
        }
    }
}

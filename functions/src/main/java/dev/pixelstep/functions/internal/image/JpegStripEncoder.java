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
 * output of several encoders over consecutive strip ranges concatenates into one scan. One
 * instance per thread: it holds the buffers of one MCU row.
 */
final class JpegStripEncoder {

    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final JpegWriter.Layout layout;
    private final JpegTables tables;
    private final int[] pixels;
    private final boolean alpha;
    private final int width;
    private final int height;
    /** Width padded to whole MCUs; the chroma planes are half of it. */
    private final int paddedWidth;
    /** Samples of one MCU row, shifted to be centred on zero: luma, and for colour images chroma blue and red. */
    private final float[] luma;
    private final float[] blue;
    private final float[] red;
    /** Two source rows padded to {@link #paddedWidth} (the last column repeated) or composited onto white. */
    private final int[] row0;
    private final int[] row1;
    private final float[] block = new float[64];
    private final int[] coefficients = new int[64];

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
        int mcu = layout.mcuSize();
        this.paddedWidth = layout.mcusPerRow() * mcu;
        this.luma = new float[mcu * paddedWidth];
        this.blue = layout.grey() ? null : new float[8 * paddedWidth / 2];
        this.red = layout.grey() ? null : new float[8 * paddedWidth / 2];
        boolean copyRows = alpha || paddedWidth != width;
        this.row0 = copyRows ? new int[paddedWidth] : null;
        this.row1 = copyRows ? new int[paddedWidth] : null;
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
        int half = paddedWidth / 2;
        for (int pair = 0; pair < 8; pair++) {
            int y0 = Math.min(top + 2 * pair, height - 1);
            int y1 = Math.min(top + 2 * pair + 1, height - 1);
            int[] a = row(y0, row0);
            int[] b = row(y1, row1);
            int aAt = a == pixels ? y0 * width : 0;
            int bAt = b == pixels ? y1 * width : 0;
            int lumaAt = 2 * pair * paddedWidth;
            lumaRow(a, aAt, lumaAt);
            lumaRow(b, bAt, lumaAt + paddedWidth);
            int chromaAt = pair * half;
            for (int x = 0; x < half; x++) {
                int p00 = a[aAt + 2 * x];
                int p01 = a[aAt + 2 * x + 1];
                int p10 = b[bAt + 2 * x];
                int p11 = b[bAt + 2 * x + 1];
                // red and blue summed in two 16-bit lanes, green apart: the mean of the four pixels'
                // chroma is the chroma of their mean colour
                int redBlue = (p00 & 0xff00ff) + (p01 & 0xff00ff) + (p10 & 0xff00ff) + (p11 & 0xff00ff);
                int green = (p00 & 0xff00) + (p01 & 0xff00) + (p10 & 0xff00) + (p11 & 0xff00);
                float r = redBlue >>> 16;
                float g = green >>> 8;
                float bl = redBlue & 0xffff;
                blue[chromaAt + x] = -0.0421840f * r - 0.0828160f * g + 0.125f * bl;
                red[chromaAt + x] = 0.125f * r - 0.1046720f * g - 0.0203280f * bl;
            }
        }
        ForwardDct.columns(luma, 0, paddedWidth, paddedWidth);
        ForwardDct.columns(luma, 8 * paddedWidth, paddedWidth, paddedWidth);
        ForwardDct.columns(blue, 0, half, half);
        ForwardDct.columns(red, 0, half, half);
        int mcus = layout.mcusPerRow();
        JpegTables t = tables;
        for (int m = 0; m < mcus; m++) {
            ensure(4096);
            int x = m * 16;
            lumaDc = block(luma, x, paddedWidth, t.lumaScale, lumaDc, t.dcLuma, t.acLuma);
            lumaDc = block(luma, x + 8, paddedWidth, t.lumaScale, lumaDc, t.dcLuma, t.acLuma);
            lumaDc = block(luma, 8 * paddedWidth + x, paddedWidth, t.lumaScale, lumaDc, t.dcLuma, t.acLuma);
            lumaDc = block(luma, 8 * paddedWidth + x + 8, paddedWidth, t.lumaScale, lumaDc, t.dcLuma, t.acLuma);
            blueDc = block(blue, m * 8, half, t.chromaScale, blueDc, t.dcChroma, t.acChroma);
            redDc = block(red, m * 8, half, t.chromaScale, redDc, t.dcChroma, t.acChroma);
        }
    }

    /** Luma of one padded row, shifted to be centred on zero (a loop the JIT can vectorise). */
    private void lumaRow(int[] source, int at, int lumaAt) {
        float[] l = luma;
        for (int x = 0; x < paddedWidth; x++) {
            int p = source[at + x];
            // 0.299 R + 0.587 G + 0.114 B in 16-bit fixed point (exact in a float), one conversion a pixel
            l[lumaAt + x] = (19595 * ((p >> 16) & 0xff) + 38470 * ((p >> 8) & 0xff) + 7471 * (p & 0xff)) * 0x1p-16f - 128f;
        }
    }

    /** A one-component row: the pixels are grey (R = G = B), so luma is the blue byte. */
    private void greyRow(int mcuRow) {
        int top = mcuRow * 8;
        for (int i = 0; i < 8; i++) {
            int y = Math.min(top + i, height - 1);
            int[] a = row(y, row0);
            int at = a == pixels ? y * width : 0;
            int lumaAt = i * paddedWidth;
            for (int x = 0; x < paddedWidth; x++) {
                luma[lumaAt + x] = (a[at + x] & 0xff) - 128f;
            }
        }
        ForwardDct.columns(luma, 0, paddedWidth, paddedWidth);
        int mcus = layout.mcusPerRow();
        JpegTables t = tables;
        for (int m = 0; m < mcus; m++) {
            ensure(1024);
            lumaDc = block(luma, m * 8, paddedWidth, t.lumaScale, lumaDc, t.dcLuma, t.acLuma);
        }
    }

    /**
     * Row {@code y}: the packed pixels themselves when no copy is needed, else {@code into} holding
     * the row composited onto white and padded to whole MCUs by repeating its last pixel.
     */
    private int[] row(int y, int[] into) {
        if (into == null) {
            return pixels;
        }
        int at = y * width;
        if (alpha) {
            for (int x = 0; x < width; x++) {
                into[x] = ontoWhite(pixels[at + x]);
            }
        } else {
            System.arraycopy(pixels, at, into, 0, width);
        }
        Arrays.fill(into, width, paddedWidth, into[width - 1]);
        return into;
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

    /** Transforms, quantises and codes one 8x8 block; returns its DC coefficient (the next block's predictor). */
    private int block(float[] plane, int offset, int stride, float[] scale, int previousDc, JpegTables.Huffman dc,
            JpegTables.Huffman ac) {
        float[] f = block;
        ForwardDct.rows(plane, offset, stride, f);
        int[] c = coefficients;
        for (int n = 0; n < 64; n++) { // natural order, a loop the JIT can vectorise
            c[n] = (int) (f[n] * scale[n] + 16384.5f) - 16384; // round half up, like libjpeg
        }
        int[] order = JpegTables.ZIGZAG;
        long nonZero = 0; // bit k: the coefficient at zig-zag position k is not zero
        for (int k = 1; k < 64; k++) {
            int q = c[order[k]];
            nonZero |= (long) ((q | -q) >>> 31) << k;
        }
        int dcValue = c[0];

        int diff = dcValue - previousDc;
        int magnitude = bitLength(diff);
        put(dc.code[magnitude] << magnitude | (diff + (diff >> 31)) & ((1 << magnitude) - 1), dc.size[magnitude] + magnitude);

        int[] acCode = ac.code;
        int[] acSize = ac.size;
        int last = 0;
        while (nonZero != 0) {
            int k = Long.numberOfTrailingZeros(nonZero);
            nonZero &= nonZero - 1;
            int run = k - last - 1;
            while (run > 15) { // ZRL: sixteen zeros
                put(acCode[0xF0], acSize[0xF0]);
                run -= 16;
            }
            int v = c[order[k]];
            int n = bitLength(v);
            int symbol = run << 4 | n;
            put(acCode[symbol] << n | (v + (v >> 31)) & ((1 << n) - 1), acSize[symbol] + n);
            last = k;
        }
        if (last != 63) {
            put(acCode[0], acSize[0]); // EOB
        }
        return dcValue;
    }

    /** Bits needed for |v| (JPEG's magnitude category). */
    private static int bitLength(int v) {
        return 32 - Integer.numberOfLeadingZeros(v < 0 ? -v : v);
    }

    /**
     * Appends the low {@code count} bits of {@code value} (nothing above them), most significant
     * first ({@code count} <= 31). The bits gather in a 64-bit word, written when full. (Small
     * enough in bytecode for the JIT to inline it everywhere.)
     */
    private void put(int value, int count) {
        if (count <= free) {
            bits = bits << count | value;
            free -= count;
        } else {
            spill(value, count);
        }
    }

    /** {@link #put} when the word fills up: the top bits of {@code value} complete it, the rest start the next. */
    private void spill(int value, int count) {
        int spill = count - free;
        flush(bits << free | value >>> spill);
        bits = value; // its low 'spill' bits are the ones left; the rest is shifted out before the next word
        free = 64 - spill;
    }

    /** Writes a full word: eight bytes at once unless one of them is 0xFF and needs a stuffed zero byte. */
    private void flush(long word) {
        long inverted = ~word;
        if (((inverted - 0x0101010101010101L) & word & 0x8080808080808080L) == 0) {
            BIG_ENDIAN_LONG.set(out, position, word);
            position += 8;
        } else {
            for (int shift = 56; shift >= 0; shift -= 8) {
                emit((int) (word >>> shift));
            }
        }
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

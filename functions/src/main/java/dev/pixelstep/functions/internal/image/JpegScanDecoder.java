package dev.pixelstep.functions.internal.image;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Decodes a run of MCUs of a baseline JPEG scan into the components' sample planes: Huffman
 * decoding (Annex F.2.2) with a 64-bit bit buffer, byte unstuffing and restart markers,
 * dequantisation and {@link InverseDct}. A run starts at the scan's first MCU or at the first MCU of
 * a restart interval, so that runs of different intervals can be decoded by different threads.
 *
 * <p>Damaged data is refused ({@link JpegDeclined}), never guessed at: a code no table has, a
 * coefficient past the block's end, data that runs on past a marker or the end of the bytes, bytes
 * left over before a marker, a restart marker out of turn, or a scan that does not end in EOI. Every
 * loop is bounded by the frame's MCU count, so no input makes it run away. One instance per thread.
 */
final class JpegScanDecoder {

    /** MCUs decoded before their blocks are transformed together (the inverse DCT's lanes run across blocks). */
    static final int BATCH_MCUS = 128;

    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final JpegFrame frame;
    private final byte[] data;
    private final byte[][] planes;
    private final int[] predictors = new int[3];
    private final int totalMcus;
    /** Per component: the quantised coefficients of the batch's blocks, [k in natural order][block], and where each block goes. */
    private final int[][][] coefficients;
    /** The same arrays in zigzag order (the order of the entropy-coded data). */
    private final int[][][] zigzagged;
    private final int[][] offsets;
    private final int[] blocks;
    /**
     * Per component: bit k (zigzag order) set when coefficient k may be non-zero in a block of the
     * batch (each block adds the coefficients up to its last one: a per-block prefix costs less in the
     * coefficient loop than a bit per coefficient), so that {@link InverseDct} skips what is zero.
     */
    private final long[] written;
    private final InverseDct[] transforms;

    private int pos;
    /** The next bits of the data: the low {@link #bits} bits of {@link #buffer}, the oldest highest. */
    private long buffer;
    private int bits;
    /** How many of the lowest buffered bits are zeros made up past a marker or the end of the data. */
    private int madeUp;
    private int firstMcu;

    JpegScanDecoder(JpegFrame frame, byte[] data, byte[][] planes) {
        this.frame = frame;
        this.data = data;
        this.planes = planes;
        this.totalMcus = frame.mcusPerRow * frame.mcuRows;
        int count = frame.components.length;
        coefficients = new int[count][][];
        zigzagged = new int[count][][];
        offsets = new int[count][];
        blocks = new int[count];
        written = new long[count];
        transforms = new InverseDct[count];
        int batch = Math.min(BATCH_MCUS, totalMcus);
        for (int ci = 0; ci < count; ci++) {
            JpegFrame.Component c = frame.components[ci];
            transforms[ci] = new InverseDct(batch * c.h * c.v);
            coefficients[ci] = transforms[ci].coefficientArrays();
            zigzagged[ci] = new int[64][];
            for (int k = 0; k < 64; k++) {
                zigzagged[ci][k] = coefficients[ci][JpegTables.ZIGZAG[k]];
            }
            offsets[ci] = new int[batch * c.h * c.v];
        }
    }

    /** Starts a run at MCU {@code mcu} (0 or the first of a restart interval) whose data begins at {@code offset}. */
    void start(int mcu, int offset) {
        firstMcu = mcu;
        pos = offset;
        resetBits();
    }

    /** Decodes MCUs {@code from} (inclusive) to {@code to} (exclusive), continuing the run. */
    void decode(int from, int to) {
        int interval = frame.restartInterval;
        JpegFrame.Component[] components = frame.components;
        int mcusPerRow = frame.mcusPerRow;
        for (int mcu = from; mcu < to; mcu++) {
            if (interval > 0 && mcu != firstMcu && mcu % interval == 0) {
                restart(mcu / interval - 1);
            }
            int mx = mcu % mcusPerRow;
            int my = mcu / mcusPerRow;
            for (int ci = 0; ci < components.length; ci++) {
                JpegFrame.Component c = components[ci];
                int[][] coef = zigzagged[ci];
                int[] at = offsets[ci];
                for (int v = 0; v < c.v; v++) {
                    int rowOffset = ((my * c.v + v) * 8) * c.stride;
                    for (int h = 0; h < c.h; h++) {
                        int b = blocks[ci]++;
                        at[b] = rowOffset + (mx * c.h + h) * 8;
                        block(c, ci, coef, b);
                    }
                }
            }
            if (blocks[0] == offsets[0].length) {
                transformBatch();
            }
        }
        transformBatch();
    }

    /** Transforms the blocks decoded since the last batch into the planes. */
    private void transformBatch() {
        for (int ci = 0; ci < blocks.length; ci++) {
            JpegFrame.Component c = frame.components[ci];
            long zigzag = written[ci];
            long natural = 0;
            for (long left = zigzag; left != 0; left &= left - 1) {
                natural |= 1L << JpegTables.ZIGZAG[Long.numberOfTrailingZeros(left)];
            }
            transforms[ci].transform(coefficients[ci], c.quant, blocks[ci], natural, planes[ci], offsets[ci], c.stride);
            blocks[ci] = 0;
            written[ci] = 0;
        }
    }

    /**
     * Ends the run after MCU {@code end} - 1: at the end of the scan it checks that only padding is
     * left and that EOI follows, otherwise that the restart marker closing that interval follows.
     */
    void end(int end) {
        if (end == totalMcus) {
            checkPadding();
            if (!marker(0xD9)) {
                throw new JpegDeclined("the scan does not end in EOI");
            }
        } else {
            restart(end / frame.restartInterval - 1);
        }
    }

    private void restart(int interval) {
        checkPadding();
        if (!marker(0xD0 + (interval & 7))) {
            throw new JpegDeclined("restart marker " + (interval & 7) + " missing");
        }
        resetBits();
        Arrays.fill(predictors, 0);
    }

    /** Whether the data at the current position is the marker {@code code} (after any fill bytes); if so, skips it. */
    private boolean marker(int code) {
        int at = pos;
        if (at >= data.length || data[at] != (byte) 0xFF) {
            return false;
        }
        while (at < data.length && data[at] == (byte) 0xFF) {
            at++;
        }
        if (at >= data.length || (data[at] & 0xff) != code) {
            return false;
        }
        pos = at + 1;
        return true;
    }

    /** At the end of an interval or the scan: fewer than 8 real bits left (the padding), none made up used. */
    private void checkPadding() {
        int real = bits - madeUp;
        if (real < 0 || real >= 8) {
            throw new JpegDeclined(real < 0 ? "the data runs past a marker or its end" : "extra data before a marker");
        }
    }

    private void resetBits() {
        buffer = 0;
        bits = 0;
        madeUp = 0;
    }

    /** Decodes one block's quantised coefficients into block {@code b} of the batch's arrays in zigzag order (all zero before). */
    private void block(JpegFrame.Component c, int ci, int[][] coef, int b) {
        if (bits < 32) {
            fill();
        }
        JpegHuffmanLookup dcTable = c.dc;
        int first = dcTable.fastDifference[(int) (buffer >>> bits - JpegHuffmanLookup.FAST_BITS) & (1 << JpegHuffmanLookup.FAST_BITS) - 1];
        int difference;
        if ((first & JpegHuffmanLookup.RESOLVED) != 0) { // code and extra bits in one lookup
            bits -= first & 0xff;
            difference = first >> 16;
        } else {
            int s = symbol(dcTable);
            difference = s == 0 ? 0 : receive(s);
        }
        int dc = predictors[ci] + difference;
        predictors[ci] = dc;
        coef[0][b] = (short) dc;
        JpegHuffmanLookup table = c.ac;
        int[] fast = table.fastCoefficient;
        int k = 1;
        for (; k < 64; k++) {
            if (bits < 32) {
                fill();
            }
            int entry = fast[(int) (buffer >>> bits - JpegHuffmanLookup.FAST_BITS) & (1 << JpegHuffmanLookup.FAST_BITS) - 1];
            int value = entry >> 16;
            if (value != 0) { // code and extra bits in one lookup
                bits -= entry & 0xff;
                k += entry >> 8 & 15;
                if (k > 63) {
                    throw new JpegDeclined("a coefficient past the end of a block");
                }
                coef[k][b] = value;
                continue;
            }
            int rs;
            if (entry != 0) {
                bits -= entry >> 8;
                rs = entry & 0xff;
            } else {
                rs = longSymbol(table);
            }
            int run = rs >> 4;
            int s = rs & 15;
            if (s != 0) {
                k += run;
                if (k > 63) {
                    throw new JpegDeclined("a coefficient past the end of a block");
                }
                coef[k][b] = receive(s);
            } else if (run == 15) {
                k += 15;
            } else {
                break;
            }
        }
        written[ci] |= k > 63 ? -1L : (1L << k) - 1; // coefficients 0 to k - 1 (zigzag) may be non-zero
    }

    /** The next Huffman-coded symbol (at least 16 bits must be buffered). */
    private int symbol(JpegHuffmanLookup table) {
        int entry = table.fast[(int) (buffer >>> bits - JpegHuffmanLookup.FAST_BITS) & (1 << JpegHuffmanLookup.FAST_BITS) - 1];
        if (entry != 0) {
            bits -= entry >> 8;
            return entry & 0xff;
        }
        return longSymbol(table);
    }

    /** {@link #symbol} for a code longer than {@link JpegHuffmanLookup#FAST_BITS} bits (kept out of the hot loop). */
    private int longSymbol(JpegHuffmanLookup table) {
        int length = JpegHuffmanLookup.FAST_BITS + 1;
        int code = (int) (buffer >>> bits - length) & (1 << length) - 1;
        while (code > table.maxCode[length]) {
            length++;
            if (length > 16) {
                throw new JpegDeclined("a Huffman code no table has");
            }
            code = (int) (buffer >>> bits - length) & (1 << length) - 1;
        }
        bits -= length;
        return table.symbols[table.offset[length] + code];
    }

    /** The next {@code s} bits (1..15) as a signed value (F.2.2.1's EXTEND). */
    private int receive(int s) {
        bits -= s;
        return JpegHuffmanLookup.extend((int) (buffer >>> bits) & (1 << s) - 1, s);
    }

    /**
     * Tops the buffer up to at least 57 bits: stuffed 0xFF 0x00 pairs become 0xFF; at a marker or
     * the end of the data it adds zeros (and counts them) without moving past the marker.
     */
    private void fill() {
        byte[] d = data;
        int p = pos;
        if (madeUp == 0 && p + 8 <= d.length) {
            // the common case: the next eight bytes hold no 0xFF (no stuffing, no marker); take whole bytes at once
            long word = (long) BIG_ENDIAN_LONG.get(d, p);
            if (((~word - 0x0101010101010101L) & word & 0x8080808080808080L) == 0) {
                int take = 63 - bits >> 3; // 4..7 bytes, as fill is called with fewer than 32 bits
                buffer = buffer << 8 * take | word >>> 64 - 8 * take;
                bits += 8 * take;
                pos = p + take;
                return;
            }
        }
        fillBytes();
    }

    /** {@link #fill} byte by byte: unstuffing, markers, the end of the data (kept out of the hot loop). */
    private void fillBytes() {
        if (madeUp > bits) {
            throw new JpegDeclined("the data runs past a marker or its end");
        }
        byte[] d = data;
        int p = pos;
        long buf = buffer;
        int n = bits;
        while (n <= 56) {
            int x;
            if (p < d.length) {
                x = d[p] & 0xff;
                if (x != 0xFF) {
                    p++;
                } else if (p + 1 < d.length && d[p + 1] == 0) {
                    p += 2;
                } else {
                    x = 0;
                    madeUp += 8;
                }
            } else {
                x = 0;
                madeUp += 8;
            }
            buf = buf << 8 | x;
            n += 8;
        }
        pos = p;
        buffer = buf;
        bits = n;
    }
}

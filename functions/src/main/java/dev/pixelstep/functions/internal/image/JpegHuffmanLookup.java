package dev.pixelstep.functions.internal.image;

/**
 * One Huffman table of a JPEG file, ready for decoding (Annex C and F.2.2.3 of the standard): the
 * symbol of every code of up to {@link #FAST_BITS} bits by direct lookup, longer codes by their
 * length's largest code. Built from a DHT segment's counts and symbols, which it validates: a table
 * whose codes do not fit their lengths is refused ({@link JpegDeclined}). Immutable.
 */
final class JpegHuffmanLookup {

    /** Codes of up to this many bits are found with one lookup. */
    static final int FAST_BITS = 10;

    /** Indexed by the next {@link #FAST_BITS} bits: code length << 8 | symbol, or 0 for a longer code. */
    final int[] fast = new int[1 << FAST_BITS];
    /**
     * For AC tables, indexed like {@link #fast}: where the code and the coefficient's extra bits both fit
     * in {@link #FAST_BITS} bits, the coefficient resolved in one lookup, {@code value << 16 | run << 8 |
     * (code length + size)} (value never 0); otherwise the entry of {@link #fast} (upper 16 bits 0).
     */
    final int[] fastCoefficient = new int[1 << FAST_BITS];
    /**
     * For DC tables, indexed like {@link #fast}: where the code and the difference's extra bits both
     * fit in {@link #FAST_BITS} bits, the difference resolved in one lookup, {@code value << 16 |}
     * {@link #RESOLVED} {@code | (code length + size)} (value 0 for size 0); otherwise the entry of
     * {@link #fast} (bit {@link #RESOLVED} clear).
     */
    final int[] fastDifference = new int[1 << FAST_BITS];
    /** The flag of a resolved {@link #fastDifference} entry (never set in a {@link #fast} entry, at most 10 << 8 | 255). */
    static final int RESOLVED = 0x8000;
    /** Per length 1..16: the largest code of that length, or -1 when there is none. */
    final int[] maxCode = new int[18];
    /** Per length: index into {@link #symbols} of the first code of that length, minus that code. */
    final int[] offset = new int[17];
    final int[] symbols;

    /**
     * @param counts  how many codes have each length 1..16
     * @param symbols the symbols in order of their codes
     */
    JpegHuffmanLookup(int[] counts, int[] symbols) {
        this.symbols = symbols.clone();
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            int n = counts[length - 1];
            offset[length] = k - code;
            if (n == 0) {
                maxCode[length] = -1;
            } else {
                if (code + n > 1 << length) {
                    throw new JpegDeclined("a Huffman table's codes do not fit their lengths");
                }
                for (int i = 0; i < n; i++, k++, code++) {
                    if (length <= FAST_BITS) {
                        int shift = FAST_BITS - length;
                        int entry = length << 8 | symbols[k];
                        for (int fill = code << shift, end = code + 1 << shift; fill < end; fill++) {
                            fast[fill] = entry;
                        }
                    }
                }
                maxCode[length] = code - 1;
            }
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE; // a sentinel: no valid code is longer than 16 bits
        for (int bits = 0; bits < fast.length; bits++) {
            fastCoefficient[bits] = coefficient(fast[bits], bits);
            fastDifference[bits] = difference(fast[bits], bits);
        }
    }

    /** The {@link #fastDifference} entry for the next bits {@code bits} whose {@link #fast} entry is {@code entry}. */
    private static int difference(int entry, int bits) {
        int length = entry >> 8;
        int size = entry & 0xff;
        if (entry == 0 || size > 15 || length + size > FAST_BITS) {
            return entry;
        }
        int value = size == 0 ? 0 : valueAfter(bits, length, size);
        return value << 16 | RESOLVED | length + size;
    }

    /** The {@link #fastCoefficient} entry for the next bits {@code bits} whose {@link #fast} entry is {@code entry}. */
    private static int coefficient(int entry, int bits) {
        int length = entry >> 8;
        int run = entry >> 4 & 15;
        int size = entry & 15;
        if (entry == 0 || size == 0 || length + size > FAST_BITS) {
            return entry;
        }
        int value = valueAfter(bits, length, size);
        return value << 16 | run << 8 | length + size;
    }

    /** The signed value of the {@code size} (1..15) extra bits that follow a {@code length}-bit code in the next bits {@code bits}. */
    private static int valueAfter(int bits, int length, int size) {
        return extend(bits >> FAST_BITS - length - size & (1 << size) - 1, size);
    }

    /** The signed value of a coefficient's {@code size} (1..15) extra bits {@code extra} (F.2.2.1's EXTEND). */
    static int extend(int extra, int size) {
        return extra - ((extra >> size - 1) - 1 & (1 << size) - 1);
    }
}

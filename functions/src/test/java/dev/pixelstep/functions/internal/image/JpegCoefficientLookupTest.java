package dev.pixelstep.functions.internal.image;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AC lookup that resolves run, size and the coefficient's extra bits at once
 * ({@link JpegHuffmanLookup#fastCoefficient}, used by {@link JpegScanDecoder}): every entry of a
 * table against the canonical code it stands for, and hand-coded scans whose symbols sit on both
 * sides of the lookup width (code and extra bits exactly {@link JpegHuffmanLookup#FAST_BITS}, one
 * bit more, codes of 10 and of 16 bits, size-15 coefficients, runs of zeros (ZRL), a block whose
 * last coefficient is at k = 63 with no EOB, an EOB after k = 62), decoded to the coefficients
 * that were written; and runs past the end of a block refused on the one-lookup path and on the
 * long-code path. The same for the DC lookup that resolves a difference's size and extra bits at
 * once ({@link JpegHuffmanLookup#fastDifference}), entry by entry.
 */
class JpegCoefficientLookupTest {

    /** Symbols per code length 1..16: each chosen for where its code and extra bits fall against the lookup's 10 bits. */
    private static final int[][] AC = {
            {}, {0x01, 0x00}, {0x02, 0x0F}, {0xF0, 0x13, 0x06}, {0x07}, {0x31}, {}, {}, {}, {0x09, 0x12}, {}, {}, {}, {}, {},
            {0x0A, 0x25, 0x05}};
    /** The standard luminance DC table (JPEG Annex K.3). */
    private static final int[][] DC = {{}, {0}, {1, 2, 3, 4, 5}, {6}, {7}, {8}, {9}, {10}, {11}, {}, {}, {}, {}, {}, {}, {}};

    @Test
    void everyDcLookupEntryIsTheCodeAndExtraBitsOfTheDifferenceItStandsFor() {
        JpegHuffmanLookup table = lookup(DC);
        Map<Integer, int[]> codes = codes(DC); // size -> {code, length}
        int width = JpegHuffmanLookup.FAST_BITS;
        int resolved = 0;
        int zero = 0;
        int symbolsOnly = 0;
        for (int bits = 0; bits < 1 << width; bits++) {
            Map.Entry<Integer, int[]> code = codeStarting(codes, bits);
            int[] found = code == null ? null : code.getValue();
            int size = code == null ? -1 : code.getKey();
            int entry = table.fastDifference[bits];
            if (found == null) { // the all-ones code is never assigned
                assertEquals(0, entry, "bits " + bits + " start no code");
                continue;
            }
            int length = found[1];
            if (length + size <= width) {
                int extra = bits >> width - length - size & (1 << size) - 1;
                int value = size == 0 ? 0 : extra >= 1 << size - 1 ? extra : extra - (1 << size) + 1;
                assertEquals(value << 16 | JpegHuffmanLookup.RESOLVED | length + size, entry, "bits " + bits + ": size " + size);
                resolved++;
                zero += size == 0 ? 1 : 0;
            } else {
                assertEquals(length << 8 | size, entry, "bits " + bits + ": size " + size + " without its value");
                assertEquals(0, entry & JpegHuffmanLookup.RESOLVED, "bits " + bits);
                symbolsOnly++;
            }
        }
        assertTrue(resolved > 0 && zero > 0 && symbolsOnly > 0, resolved + " resolved, " + zero + " zero, " + symbolsOnly + " symbols only");
    }

    @Test
    void everyLookupEntryIsTheCodeAndExtraBitsItStandsFor() {
        assertEquals(10, JpegHuffmanLookup.FAST_BITS, "this table's symbols were chosen for a 10-bit lookup");
        JpegHuffmanLookup table = lookup(AC);
        Map<Integer, int[]> codes = codes(AC); // symbol -> {code, length}
        int resolved = 0;
        int atTheWidth = 0;
        int symbolsOnly = 0;
        int longer = 0;
        int width = JpegHuffmanLookup.FAST_BITS;
        for (int bits = 0; bits < 1 << width; bits++) {
            Map.Entry<Integer, int[]> code = codeStarting(codes, bits);
            int[] found = code == null ? null : code.getValue();
            int symbol = code == null ? -1 : code.getKey();
            int entry = table.fastCoefficient[bits];
            if (found == null) {
                assertEquals(0, entry, "bits " + bits + " start a code longer than the lookup");
                longer++;
                continue;
            }
            int length = found[1];
            int size = symbol & 15;
            if (size != 0 && length + size <= width) {
                int extra = bits >> width - length - size & (1 << size) - 1;
                int value = extra >= 1 << size - 1 ? extra : extra - (1 << size) + 1;
                assertEquals(value << 16 | (symbol >> 4) << 8 | length + size, entry, "bits " + bits + ": symbol " + symbol);
                resolved++;
                atTheWidth += length + size == width ? 1 : 0;
            } else {
                assertEquals(length << 8 | symbol, entry, "bits " + bits + ": symbol " + symbol + " without its value");
                symbolsOnly++;
            }
        }
        assertTrue(resolved > 0 && atTheWidth > 0 && symbolsOnly > 0 && longer > 0,
                resolved + " resolved, " + atTheWidth + " at the width, " + symbolsOnly + " symbols only, " + longer + " longer codes");
    }

    @Test
    void symbolsOnBothSidesOfTheLookupWidthDecodeToTheirCoefficients() throws IOException {
        Scan scan = new Scan();
        // block 0: every kind of symbol, ZRLs, the last coefficient at k = 63 (no EOB follows)
        scan.dc(3).ac(0x01, 1).ac(0x02, -3).ac(0x01, -1).ac(0x13, 5).ac(0x06, -40).ac(0x07, 100).ac(0x09, -300).ac(0x0A, 600)
                .ac(0x25, 20).ac(0x31, -1).ac(0x12, 3).ac(0x05, -17).zrl().zrl().ac(0x31, 1).ac(0x13, -6).ac(0x31, 1).ac(0x01, 1)
                .ac(0x02, 2);
        assertEquals(63, scan.lastK);
        // block 1: a coefficient at k = 62, then EOB
        scan.dc(-2).ac(0x06, 63).zrl().zrl().zrl().ac(0x13, 4).ac(0x13, -7).ac(0x31, 1).ac(0x31, -1).ac(0x01, 1);
        assertEquals(62, scan.lastK);
        scan.eob();
        // block 2: DC only; block 3: the largest run and value the lookup resolves, and the same one bit too long
        scan.dc(0).eob();
        scan.dc(1).ac(0x06, -32).ac(0x07, 64).ac(0x12, -2).eob();
        byte[] jpeg = scan.jpeg();
        assertEquals(scan.expected(), decoded(jpeg), "the coefficients written");
        BufferedImage jdk = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertEquals(samples(jdk), decoded(jpeg), "the JDK reader's samples");

        // size-15 values (their samples leave the range libjpeg's limit table wraps correctly, so no JDK comparison)
        Scan large = new Scan();
        large.dc(0).ac(0x01, 1).ac(0x0F, -20000).eob();
        large.dc(0).ac(0x0F, 32767).ac(0x0A, -1023).ac(0x0F, -16384).eob();
        large.dc(0).ac(0x0F, 16384).ac(0x05, 31).zrl().ac(0x25, -16).eob();
        assertEquals(large.expected(), decoded(large.jpeg()));
    }

    @Test
    void aRunPastTheEndOfABlockIsDeclinedOnEitherPath() {
        // the one-lookup path: a coefficient at 62, then run 1 lands at 64
        Scan fast = new Scan().dc(0).zrl().zrl().zrl().ac(0x31, 1).ac(0x31, 1).ac(0x31, 1).ac(0x01, 1).ac(0x01, 1).ac(0x13, 4).eob();
        assertEquals(64, fast.lastK);
        // the long-code path: a coefficient at 61, then run 2 (a 16-bit code) lands at 64
        Scan slow = new Scan().dc(0).zrl().zrl().zrl().ac(0x31, 1).ac(0x31, 1).ac(0x31, 1).ac(0x01, 1).ac(0x25, 16).eob();
        assertEquals(64, slow.lastK);
        for (Scan scan : new Scan[] {fast, slow}) {
            byte[] jpeg = scan.jpeg();
            JpegDeclined declined = assertThrows(JpegDeclined.class, () -> JpegDecoder.decodeOrDecline(jpeg, Long.MAX_VALUE, 1));
            assertEquals("a coefficient past the end of a block", declined.getMessage());
            assertTrue(JpegDecoder.decode(jpeg, Long.MAX_VALUE).isEmpty());
        }
    }

    /** The samples of a grey image one block high, row by row. */
    private static List<Integer> samples(BufferedImage image) {
        List<Integer> samples = new ArrayList<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                samples.add(image.getRaster().getSample(x, y, 0));
            }
        }
        return samples;
    }

    private static List<Integer> decoded(byte[] jpeg) {
        BufferedImage image = JpegDecoder.decodeOrDecline(jpeg, Long.MAX_VALUE, 1);
        List<Integer> samples = new ArrayList<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                assertEquals(rgb & 0xff, rgb >> 8 & 0xff, "grey");
                samples.add(rgb & 0xff);
            }
        }
        return samples;
    }

    /** The code (symbol -> {code, length}) that the lookup's next bits {@code bits} begin with, or null when none of at most the lookup's width does. */
    private static Map.Entry<Integer, int[]> codeStarting(Map<Integer, int[]> codes, int bits) {
        int width = JpegHuffmanLookup.FAST_BITS;
        for (Map.Entry<Integer, int[]> e : codes.entrySet()) {
            int length = e.getValue()[1];
            if (length <= width && bits >> width - length == e.getValue()[0]) {
                return e;
            }
        }
        return null;
    }

    private static JpegHuffmanLookup lookup(int[][] bySize) {
        int[] counts = new int[16];
        List<Integer> symbols = new ArrayList<>();
        for (int length = 1; length <= 16; length++) {
            counts[length - 1] = bySize[length - 1].length;
            for (int s : bySize[length - 1]) {
                symbols.add(s);
            }
        }
        return new JpegHuffmanLookup(counts, symbols.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The canonical codes (Annex C): symbol -> {code, length}. */
    private static Map<Integer, int[]> codes(int[][] bySize) {
        Map<Integer, int[]> codes = new HashMap<>();
        int code = 0;
        for (int length = 1; length <= 16; length++) {
            for (int s : bySize[length - 1]) {
                codes.put(s, new int[] {code++, length});
            }
            code <<= 1;
        }
        return codes;
    }

    /**
     * A grey baseline JPEG one block high written symbol by symbol with the tables above (quantisation
     * all 1), and the samples its coefficients give through {@link InverseDct} (the entropy decoding
     * is what is tested here; the transform is compared with the JDK reader in {@code JpegDecoderTest}).
     */
    private static final class Scan {
        private final Map<Integer, int[]> ac = codes(AC);
        private final Map<Integer, int[]> dc = codes(DC);
        private final List<int[]> blocks = new ArrayList<>();
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        private long bitBuffer;
        private int bitCount;
        private int predictor;
        private int[] block;
        int lastK;
        private int k;

        Scan dc(int value) {
            block = new int[64];
            blocks.add(block);
            predictor += value;
            block[0] = predictor;
            int size = size(value);
            put(dc.get(size));
            bits(value, size);
            k = 1;
            return this;
        }

        Scan ac(int symbol, int value) {
            int run = symbol >> 4;
            int size = symbol & 15;
            assertEquals(size, size(value), "value " + value + " has the size of symbol " + symbol);
            k += run;
            if (k < 64) {
                block[JpegTables.ZIGZAG[k]] = value;
            }
            lastK = k++;
            put(ac.get(symbol));
            bits(value, size);
            return this;
        }

        Scan zrl() {
            k += 16;
            put(ac.get(0xF0));
            return this;
        }

        Scan eob() {
            put(ac.get(0x00));
            return this;
        }

        private static int size(int value) {
            return 32 - Integer.numberOfLeadingZeros(Math.abs(value));
        }

        private void put(int[] code) {
            bits(code[0], code[1]);
        }

        /** Writes the low {@code n} bits of {@code value} (a negative value as value - 1, F.1.2.1). */
        private void bits(int value, int n) {
            int v = value < 0 ? value - 1 : value;
            bitBuffer = bitBuffer << n | v & (1L << n) - 1;
            bitCount += n;
            while (bitCount >= 8) {
                int b = (int) (bitBuffer >>> bitCount - 8) & 0xff;
                data.write(b);
                if (b == 0xFF) {
                    data.write(0);
                }
                bitCount -= 8;
            }
        }

        byte[] jpeg() {
            int padding = (8 - bitCount % 8) % 8;
            bits((1 << padding) - 1, padding);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int width = 8 * blocks.size();
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
            byte[] dqt = new byte[65];
            java.util.Arrays.fill(dqt, 1, 65, (byte) 1);
            segment(out, 0xDB, dqt);
            segment(out, 0xC0, new byte[] {8, 0, 8, (byte) (width >> 8), (byte) width, 1, 1, 0x11, 0});
            segment(out, 0xC4, table(0x00, DC));
            segment(out, 0xC4, table(0x10, AC));
            segment(out, 0xDA, new byte[] {1, 1, 0x00, 0, 63, 0});
            out.writeBytes(data.toByteArray());
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
            return out.toByteArray();
        }

        /** The samples the written coefficients give, row by row, limited to 0..255. */
        List<Integer> expected() {
            int n = blocks.size();
            InverseDct idct = new InverseDct(n);
            int[][] coefficients = idct.coefficientArrays();
            int[] offsets = new int[n];
            for (int b = 0; b < n; b++) {
                offsets[b] = 8 * b;
                for (int i = 0; i < 64; i++) {
                    coefficients[i][b] = blocks.get(b)[i];
                }
            }
            int[] quant = new int[64];
            java.util.Arrays.fill(quant, 1);
            byte[] plane = new byte[8 * 8 * n];
            idct.transform(coefficients, quant, n, plane, offsets, 8 * n);
            List<Integer> samples = new ArrayList<>();
            for (byte s : plane) {
                samples.add(s & 0xff);
            }
            return samples;
        }

        private static byte[] table(int classAndId, int[][] bySize) {
            ByteArrayOutputStream t = new ByteArrayOutputStream();
            t.write(classAndId);
            for (int[] symbols : bySize) {
                t.write(symbols.length);
            }
            for (int[] symbols : bySize) {
                for (int s : symbols) {
                    t.write(s);
                }
            }
            return t.toByteArray();
        }

        private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
            out.write(0xFF);
            out.write(marker);
            out.write(payload.length + 2 >> 8);
            out.write(payload.length + 2);
            out.writeBytes(payload);
        }
    }
}

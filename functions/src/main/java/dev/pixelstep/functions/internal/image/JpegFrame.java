package dev.pixelstep.functions.internal.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What {@link JpegDecoder} needs from a JPEG file's markers up to its first scan, read and checked
 * in one pass: the frame (size, components and their sampling), the quantisation and Huffman
 * tables each component uses, the restart interval and where the entropy-coded data begins.
 * Everything outside the decoder's scope is refused with {@link JpegDeclined}: frames other than
 * baseline or extended sequential Huffman with 8-bit samples (progressive, lossless, arithmetic
 * coding, 12-bit), component counts other than 1 (grey) or 3 (YCbCr), samplings other than 4:4:4,
 * 4:2:2 and 4:2:0 (4:4:0 is declined: libjpeg 6b and libjpeg-turbo upsample it differently), scans that do not hold every component, RGB or other Adobe transforms,
 * any embedded ICC profile (the ImageIO path brings it to sRGB), and any segment that runs past the bytes given.
 */
final class JpegFrame {

    /** One colour component of the frame. */
    static final class Component {
        final int id;
        int h;
        int v;
        final int quantTable;
        /** Dequantisation factors in natural order (set when the scan is read). */
        int[] quant;
        JpegHuffmanLookup dc;
        JpegHuffmanLookup ac;
        /** Samples a line / lines of the plane (whole blocks), and the real sample width and height. */
        int stride;
        int planeHeight;
        int width;
        int height;

        Component(int id, int h, int v, int quantTable) {
            this.id = id;
            this.h = h;
            this.v = v;
            this.quantTable = quantTable;
        }
    }

    final int width;
    final int height;
    final Component[] components;
    final int maxH;
    final int maxV;
    final int mcusPerRow;
    final int mcuRows;
    /** MCUs per restart interval; 0 when the file has none. */
    final int restartInterval;
    /** Offset of the first byte of entropy-coded data. */
    final int scanStart;

    private JpegFrame(int width, int height, Component[] components, int restartInterval, int scanStart) {
        this.width = width;
        this.height = height;
        this.components = components;
        this.restartInterval = restartInterval;
        this.scanStart = scanStart;
        int h = 1;
        int v = 1;
        for (Component c : components) {
            h = Math.max(h, c.h);
            v = Math.max(v, c.v);
        }
        if (components.length == 1) { // one component: an MCU is one block whatever its sampling
            h = 1;
            v = 1;
            components[0].h = 1;
            components[0].v = 1;
        }
        this.maxH = h;
        this.maxV = v;
        this.mcusPerRow = (width + 8 * h - 1) / (8 * h);
        this.mcuRows = (height + 8 * v - 1) / (8 * v);
        for (Component c : components) {
            c.stride = mcusPerRow * c.h * 8;
            c.planeHeight = mcuRows * c.v * 8;
            c.width = (width * c.h + h - 1) / h;
            c.height = (height * c.v + v - 1) / v;
        }
    }

    boolean grey() {
        return components.length == 1;
    }

    /** Reads the markers of {@code jpeg} up to its first scan. */
    static JpegFrame parse(byte[] jpeg) {
        return new Parser(jpeg).parse();
    }

    private static final class Parser {
        private final byte[] b;
        private final int[][] quant = new int[4][];
        private final JpegHuffmanLookup[] dcTables = new JpegHuffmanLookup[4];
        private final JpegHuffmanLookup[] acTables = new JpegHuffmanLookup[4];
        private int width;
        private int height;
        private Component[] components;
        private int restartInterval;
        private int adobeTransform = -1;

        Parser(byte[] bytes) {
            this.b = bytes;
        }

        JpegFrame parse() {
            if (b.length < 4 || u8(0) != 0xFF || u8(1) != 0xD8) {
                throw new JpegDeclined("not a JPEG file");
            }
            int pos = 2;
            while (true) {
                if (pos >= b.length || u8(pos) != 0xFF) {
                    throw new JpegDeclined("no marker where one belongs");
                }
                while (pos < b.length && u8(pos) == 0xFF) {
                    pos++;
                }
                if (pos + 2 >= b.length) {
                    throw new JpegDeclined("the file ends before its scan");
                }
                int marker = u8(pos);
                int length = u16(pos + 1);
                int start = pos + 3;
                int end = pos + 1 + length;
                if (marker == 0xD8 || marker == 0xD9 || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01
                        || length < 2 || end > b.length) {
                    throw new JpegDeclined(String.format("unexpected marker %02X or a segment past the end", marker));
                }
                switch (marker) {
                    case 0xC0, 0xC1 -> frame(start, end);
                    case 0xC4 -> huffman(start, end);
                    case 0xDB -> quantisation(start, end);
                    case 0xDD -> restartInterval = length == 4 ? u16(start) : fail("a DRI segment of the wrong length");
                    case 0xE2 -> icc(start, end);
                    case 0xEE -> adobe(start, end);
                    case 0xDA -> {
                        scan(start, end);
                        return finish(end);
                    }
                    default -> {
                        if (marker >= 0xC2 && marker <= 0xCF || marker == 0xDC) {
                            throw new JpegDeclined(String.format("a frame type other than baseline (marker %02X)", marker));
                        }
                        // APPn, COM and the rest: skipped
                    }
                }
                pos = end;
            }
        }

        private void frame(int start, int end) {
            if (components != null) {
                fail("two frames");
            }
            int count = end - start >= 6 ? u8(start + 5) : 0;
            if (end - start != 6 + 3 * count || u8(start) != 8) {
                fail("a frame other than 8-bit");
            }
            height = u16(start + 1);
            width = u16(start + 3);
            if (width == 0 || height == 0 || count != 1 && count != 3) {
                fail("a frame of " + count + " components or with its height in a DNL marker");
            }
            components = new Component[count];
            for (int i = 0; i < count; i++) {
                int at = start + 6 + 3 * i;
                int hv = u8(at + 1);
                int table = u8(at + 2);
                if (table > 3 || hv >> 4 < 1 || hv >> 4 > 4 || (hv & 15) < 1 || (hv & 15) > 4) {
                    fail("a component with bad sampling or table");
                }
                components[i] = new Component(u8(at), hv >> 4, hv & 15, table);
            }
            if (count == 3) {
                Component y = components[0];
                // not 4:4:0 (1x2): libjpeg 6b, which the JDK bundles, repeats its chroma rows where
                // libjpeg-turbo interpolates them, so ImageIO's pixels depend on the JDK: ImageIO decodes it
                boolean supported = y.h <= 2 && y.v <= 2 && !(y.h == 1 && y.v == 2);
                for (int i = 1; i < 3; i++) {
                    supported &= components[i].h == 1 && components[i].v == 1;
                }
                if (!supported) {
                    fail("a chroma sampling other than 4:4:4, 4:2:2 or 4:2:0");
                }
            }
        }

        private void huffman(int start, int end) {
            int pos = start;
            while (pos < end) {
                if (pos + 17 > end) {
                    fail("a short DHT segment");
                }
                int tc = u8(pos) >> 4;
                int th = u8(pos) & 15;
                if (tc > 1 || th > 3) {
                    fail("a Huffman table of class " + tc + ", id " + th);
                }
                int[] counts = new int[16];
                int total = 0;
                for (int i = 0; i < 16; i++) {
                    counts[i] = u8(pos + 1 + i);
                    total += counts[i];
                }
                pos += 17;
                if (total > 256 || pos + total > end) {
                    fail("a DHT segment with too many symbols");
                }
                int[] symbols = new int[total];
                for (int i = 0; i < total; i++) {
                    symbols[i] = u8(pos + i);
                    if (tc == 0 && symbols[i] > 15) {
                        fail("a DC table with a symbol over 15");
                    }
                }
                pos += total;
                (tc == 0 ? dcTables : acTables)[th] = new JpegHuffmanLookup(counts, symbols);
            }
        }

        private void quantisation(int start, int end) {
            int pos = start;
            while (pos < end) {
                int precision = u8(pos) >> 4;
                int id = u8(pos) & 15;
                int size = precision == 0 ? 64 : 128;
                if (precision > 1 || id > 3 || pos + 1 + size > end) {
                    fail("a bad DQT segment");
                }
                int[] table = new int[64];
                for (int k = 0; k < 64; k++) {
                    table[JpegTables.ZIGZAG[k]] = precision == 0 ? u8(pos + 1 + k) : u16(pos + 1 + 2 * k);
                }
                quant[id] = table;
                pos += 1 + size;
            }
        }

        private void icc(int start, int end) {
            byte[] tag = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
            if (end - start >= 12 && Arrays.equals(b, start, start + 12, tag, 0, 12)) {
                // ImageDecoder's ImageIO path converts profiled images to sRGB (Srgb, TwelveMonkeys'
                // reader): even an sRGB-described profile may move pixels, so every profile goes there
                fail("an embedded ICC profile");
            }
        }

        private void adobe(int start, int end) {
            if (end - start >= 12 && b[start] == 'A' && b[start + 1] == 'd' && b[start + 2] == 'o' && b[start + 3] == 'b'
                    && b[start + 4] == 'e') {
                adobeTransform = u8(start + 11);
            }
        }

        private void scan(int start, int end) {
            if (components == null) {
                fail("a scan before the frame");
            }
            int count = end > start ? u8(start) : 0;
            if (count != components.length || end - start != 4 + 2 * count) {
                fail("a scan that does not hold every component (a multi-scan file)");
            }
            for (int i = 0; i < count; i++) {
                Component c = components[i];
                int at = start + 1 + 2 * i;
                int td = u8(at + 1) >> 4;
                int ta = u8(at + 1) & 15;
                if (u8(at) != c.id || td > 3 || ta > 3 || dcTables[td] == null || acTables[ta] == null
                        || quant[c.quantTable] == null) {
                    fail("a scan with an unknown component or a missing table");
                }
                c.dc = dcTables[td];
                c.ac = acTables[ta];
                c.quant = quant[c.quantTable];
            }
            int at = start + 1 + 2 * count;
            if (u8(at) != 0 || u8(at + 1) != 63 || u8(at + 2) != 0) {
                fail("a scan other than sequential");
            }
        }

        private JpegFrame finish(int scanStart) {
            if (components.length == 3) {
                if (adobeTransform >= 0 ? adobeTransform != 1
                        : components[0].id == 'R' && components[1].id == 'G' && components[2].id == 'B') {
                    fail("RGB or another transform than YCbCr");
                }
            }
            return new JpegFrame(width, height, components, restartInterval, scanStart);
        }

        private int u8(int at) {
            return b[at] & 0xff;
        }

        private int u16(int at) {
            return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
        }

        private static int fail(String reason) {
            throw new JpegDeclined(reason);
        }
    }
}

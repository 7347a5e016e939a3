package dev.pixelstep.functions.internal.image;

import dev.pixelstep.operations.raster.Bands;
import dev.pixelstep.operations.raster.GrayPixels;
import dev.pixelstep.spi.Cancellation;

import java.io.ByteArrayOutputStream;

/**
 * Writes packed {@code int} pixels as a baseline sequential JFIF file: SOI, APP0 (JFIF 1.01, no
 * density, no thumbnail), DQT, SOF0, DHT (the standard tables, {@link JpegTables}), DRI, SOS, the
 * entropy-coded data and EOI. Colour images are YCbCr with 4:2:0 chroma subsampling (16x16 MCUs);
 * grey images (every pixel R = G = B) are written with one component, as libjpeg writes
 * greyscale input. Pure Java, written for this project: the JDK's writer on the JVM Lambda runs
 * (libjpeg 6b bundled in the JDK) took 8x Pillow's time per image (see the module README).
 *
 * <p>The image is cut into strips of a fixed number of MCU rows ({@link #STRIP_PIXEL_ROWS} pixel
 * rows; fewer for very wide images, so that an interval stays within 65535 MCUs); each strip is
 * one restart interval, so the strips are compressed independently, in parallel when more than one
 * processor is available, and joined with the restart markers RST0..RST7 in turn. The strips do
 * not depend on the number of processors, so the same pixels always give the same bytes. The
 * calling thread's {@link Cancellation#current()} is checked before every strip. Thread-safe.
 */
final class JpegWriter {

    /** Pixel rows per strip (four colour MCU rows, eight grey ones). */
    static final int STRIP_PIXEL_ROWS = 64;
    /** JPEG's largest width or height. */
    static final int MAX_SIDE = 65535;
    /** Below this many pixels the strips are compressed on the calling thread. */
    private static final long PARALLEL_THRESHOLD = 1 << 16;

    private final JpegTables tables;

    /** A writer whose quantisation tables are scaled to {@code quality} (1..100, libjpeg's scale). */
    JpegWriter(int quality) {
        this.tables = new JpegTables(quality);
    }

    /**
     * The geometry of one file: its size, whether it has one component, its MCUs and its strips
     * (restart intervals) of {@code mcuRowsPerStrip} whole MCU rows.
     */
    record Layout(int width, int height, boolean grey, int mcuSize, int mcusPerRow, int mcuRows, int mcuRowsPerStrip,
            int strips) {

        static Layout of(int width, int height, boolean grey) {
            if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
                throw new IllegalArgumentException("a JPEG holds 1 to " + MAX_SIDE + " pixels a side, not " + width + "x" + height);
            }
            int mcu = grey ? 8 : 16;
            int mcusPerRow = (width + mcu - 1) / mcu;
            int mcuRows = (height + mcu - 1) / mcu;
            int perStrip = Math.max(1, Math.min(STRIP_PIXEL_ROWS / mcu, 0xFFFF / mcusPerRow));
            return new Layout(width, height, grey, mcu, mcusPerRow, mcuRows, perStrip, (mcuRows + perStrip - 1) / perStrip);
        }

        /** MCUs per restart interval (the DRI value). */
        int restartInterval() {
            return mcusPerRow * mcuRowsPerStrip;
        }
    }

    /**
     * The JPEG file of {@code pixels} ({@code width x height}, row by row, packed {@code 0xAARRGGBB};
     * with {@code alpha} each pixel is composited onto opaque white, otherwise the top byte is
     * ignored), compressed by up to {@code workers} threads (the caller's and the common pool's).
     */
    byte[] write(int[] pixels, int width, int height, boolean alpha, int workers) {
        Layout layout = Layout.of(width, height, GrayPixels.all(pixels, 0, width * height));
        Cancellation cancellation = Cancellation.current();
        long count = (long) width * height;
        int tasks = workers <= 1 || count < PARALLEL_THRESHOLD ? 1 : Math.min(layout.strips(), 4 * workers);
        // each part's bytes only: an encoder's working buffers (about 3 KB per MCU of a row) go with it
        byte[][] parts = new byte[tasks][];
        int[] lengths = new int[tasks];
        int strips = layout.strips();
        int guess = (int) Math.min(Integer.MAX_VALUE - 64, count / 3 / tasks);
        Runnable check = cancellation::check;
        if (tasks == 1) {
            JpegStripEncoder part = new JpegStripEncoder(layout, tables, pixels, alpha, guess);
            part.encode(0, strips, check);
            parts[0] = part.bytes();
            lengths[0] = part.length();
        } else {
            Bands.each(tasks, t -> {
                JpegStripEncoder part = new JpegStripEncoder(layout, tables, pixels, alpha, guess);
                part.encode((int) ((long) strips * t / tasks), (int) ((long) strips * (t + 1) / tasks), check);
                parts[t] = part.bytes();
                lengths[t] = part.length();
            });
        }
        byte[] header = header(layout);
        long total = header.length + 2L;
        for (int length : lengths) {
            total += length;
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("the JPEG of a " + width + "x" + height + " image would exceed 2 GB");
        }
        byte[] file = new byte[(int) total];
        System.arraycopy(header, 0, file, 0, header.length);
        int at = header.length;
        for (int t = 0; t < tasks; t++) {
            System.arraycopy(parts[t], 0, file, at, lengths[t]);
            at += lengths[t];
        }
        file[at] = (byte) 0xFF;
        file[at + 1] = (byte) 0xD9; // EOI
        return file;
    }

    private byte[] header(Layout layout) {
        ByteArrayOutputStream h = new ByteArrayOutputStream(1024);
        marker(h, 0xD8); // SOI
        marker(h, 0xE0); // APP0: JFIF 1.01, aspect ratio 1:1, no thumbnail
        u16(h, 16);
        h.writeBytes(new byte[] {'J', 'F', 'I', 'F', 0, 1, 1, 0});
        u16(h, 1);
        u16(h, 1);
        h.write(0);
        h.write(0);

        boolean grey = layout.grey();
        marker(h, 0xDB); // DQT
        u16(h, 2 + 65 * (grey ? 1 : 2));
        quantTable(h, 0, tables.lumaQuant);
        if (!grey) {
            quantTable(h, 1, tables.chromaQuant);
        }

        marker(h, 0xC0); // SOF0
        int components = grey ? 1 : 3;
        u16(h, 8 + 3 * components);
        h.write(8);
        u16(h, layout.height());
        u16(h, layout.width());
        h.write(components);
        h.writeBytes(grey ? new byte[] {1, 0x11, 0} : new byte[] {1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1});

        marker(h, 0xC4); // DHT
        JpegTables.Huffman[] huffman = grey ? new JpegTables.Huffman[] {JpegTables.DC_LUMA, JpegTables.AC_LUMA}
                : new JpegTables.Huffman[] {JpegTables.DC_LUMA, JpegTables.AC_LUMA, JpegTables.DC_CHROMA, JpegTables.AC_CHROMA};
        int length = 2;
        for (JpegTables.Huffman table : huffman) {
            length += 17 + table.symbols.length;
        }
        u16(h, length);
        for (int i = 0; i < huffman.length; i++) {
            h.write((i % 2) << 4 | i / 2); // class (0 DC, 1 AC) and table id
            h.writeBytes(huffman[i].lengths);
            h.writeBytes(huffman[i].symbols);
        }

        if (layout.strips() > 1) {
            marker(h, 0xDD); // DRI
            u16(h, 4);
            u16(h, layout.restartInterval());
        }

        marker(h, 0xDA); // SOS
        u16(h, 6 + 2 * components);
        h.write(components);
        h.writeBytes(grey ? new byte[] {1, 0x00} : new byte[] {1, 0x00, 2, 0x11, 3, 0x11});
        h.write(0);  // spectral selection 0..63, no successive approximation
        h.write(63);
        h.write(0);
        return h.toByteArray();
    }

    private static void quantTable(ByteArrayOutputStream h, int id, int[] natural) {
        h.write(id); // 8-bit precision
        for (int k = 0; k < 64; k++) {
            h.write(natural[JpegTables.ZIGZAG[k]]);
        }
    }

    private static void marker(ByteArrayOutputStream h, int code) {
        h.write(0xFF);
        h.write(code);
    }

    private static void u16(ByteArrayOutputStream h, int value) {
        h.write(value >> 8);
        h.write(value);
    }
}

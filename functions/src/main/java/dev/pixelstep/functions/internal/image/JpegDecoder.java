package dev.pixelstep.functions.internal.image;

import dev.pixelstep.operations.raster.Bands;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;

/**
 * pixelstep's own decoder for the JPEG files it sees most: baseline (or extended sequential)
 * Huffman-coded, 8-bit, grey or YCbCr with 4:4:4, 4:2:2 or 4:2:0 chroma, with or without
 * restart markers, straight into a {@code TYPE_INT_RGB} image, or row by row to a {@link PixelRows}
 * (the analyser counts its histogram from the rows, with no image). Pure Java, written for this
 * project like {@link JpegWriter}: the JDK's reader takes about 175 ms of CPU per 13 MP photo on the
 * JVM Lambda runs (its bundled libjpeg 6b), three times a job. {@link ImageDecoder} uses it where it
 * pays ({@link #pays()}): per core it is 1.5x faster than that reader on JDK 25, and slower
 * than JDK 17's libjpeg-turbo (the module README, <i>JPEG decoding</i>).
 *
 * <p>It computes what libjpeg computes by default (the integer inverse DCT, "fancy" chroma
 * upsampling, the JFIF colour conversion, {@link InverseDct}, {@link JpegColour}), so its pixels
 * match the JDK reader's. Anything else it declines with an empty answer and the caller decodes
 * the file with ImageIO: other JPEG processes, CMYK and RGB files, any embedded ICC profile,
 * and damaged data of any kind ({@link JpegFrame}, {@link JpegScanDecoder}); it never pads or guesses.
 *
 * <p>The entropy-coded data is decoded sequentially (one scan is one bit stream) into the
 * components' sample planes, MCU row by MCU row, batches of blocks through {@link InverseDct}
 * at once; the colour conversion of the rows already decoded
 * runs beside it on the common pool. When the file has restart markers (pixelstep's own JPEGs have
 * one every 64 pixel rows) the intervals are decoded in parallel too. With one processor all of it
 * runs on the calling thread, each MCU row converted while its samples are in the cache. Thread-safe.
 */
public final class JpegDecoder {

    /**
     * Whether {@link ImageDecoder} decodes JPEGs with this decoder in this JVM: from JDK 25 on, whose
     * JIT vectorises its loops (per core on a 13 MP photo 1.51-1.53x faster than the ImageIO reader,
     * whose bundled libjpeg is scalar C); not on older JDKs (on Debian's JDK 17, whose reader runs the
     * system's SIMD libjpeg-turbo and whose JIT vectorises less, it is 1.8x slower; 18 to 24 are not
     * measured); never when the system property {@code pixelstep.jpeg.imageio} is {@code true} (the
     * benchmarks' before/after runs, and a way out should a file decode differently).
     */
    static boolean pays() {
        return pays(Runtime.version().feature(), Boolean.getBoolean("pixelstep.jpeg.imageio"));
    }

    static boolean pays(int javaFeatureVersion, boolean imageIoRequested) {
        return javaFeatureVersion >= 25 && !imageIoRequested;
    }

    /** Below this many pixels everything runs on the calling thread. */
    private static final long PARALLEL_THRESHOLD = 1 << 16;
    /** Output rows converted per task when conversion runs beside decoding. */
    private static final int ROWS_PER_TASK = 64;

    private JpegDecoder() {
    }

    /**
     * The pixels of {@code jpeg} as a {@code TYPE_INT_RGB} image, or empty when the decoder does not
     * take this file (see the class comment) or it has more than {@code maxPixels} pixels. Never
     * throws for bad data. The caller applies what the ImageIO path applies after decoding (the
     * EXIF orientation; files with a colour profile are declined here).
     */
    public static Optional<BufferedImage> decode(byte[] jpeg, long maxPixels) {
        try {
            return Optional.of(decodeOrDecline(jpeg, maxPixels, Runtime.getRuntime().availableProcessors()));
        } catch (JpegDeclined | IndexOutOfBoundsException e) {
            // a bounds fault on hostile data is a decline too (a safety net: the parsers check bounds themselves)
            return Optional.empty();
        }
    }

    /**
     * Decodes {@code jpeg} like {@link #decode(byte[], long)}, with the same checks, but hands the
     * converted rows to {@link PixelRows} from {@code rows} (one per converting task, asked for as
     * needed on the thread that converts, so {@code rows} must be thread-safe) instead of building an image: true when every row went there, false when the
     * decoder does not take the file. After false, some rows may have gone to {@code rows}
     * already (damage found mid-scan): the caller discards them. Never throws for bad data.
     */
    public static boolean decode(byte[] jpeg, long maxPixels, Supplier<? extends PixelRows> rows) {
        try {
            decodeOrDecline(jpeg, maxPixels, Runtime.getRuntime().availableProcessors(), rows);
            return true;
        } catch (JpegDeclined | IndexOutOfBoundsException e) {
            return false;
        }
    }

    /** {@link #decode(byte[], long)} with {@code workers} threads at most, throwing {@link JpegDeclined} instead of answering empty. */
    static BufferedImage decodeOrDecline(byte[] jpeg, long maxPixels, int workers) {
        JpegFrame frame = frame(jpeg, maxPixels);
        BufferedImage image = new BufferedImage(frame.width, frame.height, BufferedImage.TYPE_INT_RGB);
        PixelRows rows = new IntRgbRows(((DataBufferInt) image.getRaster().getDataBuffer()).getData(), frame.width);
        decode(jpeg, frame, workers, () -> rows);
        return image;
    }

    /** {@link #decode(byte[], long, Supplier)} with {@code workers} threads at most, throwing {@link JpegDeclined} instead of answering false. */
    static void decodeOrDecline(byte[] jpeg, long maxPixels, int workers, Supplier<? extends PixelRows> rows) {
        decode(jpeg, frame(jpeg, maxPixels), workers, rows);
    }

    /** The frame of {@code jpeg}, declined when it has more than {@code maxPixels} pixels. */
    private static JpegFrame frame(byte[] jpeg, long maxPixels) {
        JpegFrame frame = JpegFrame.parse(jpeg);
        long pixels = (long) frame.width * frame.height;
        if (pixels > maxPixels || pixels > Integer.MAX_VALUE - 16) {
            throw new JpegDeclined("too many pixels");
        }
        return frame;
    }

    private static void decode(byte[] jpeg, JpegFrame frame, int workers, Supplier<? extends PixelRows> rows) {
        byte[][] planes = new byte[frame.components.length][];
        for (int i = 0; i < planes.length; i++) {
            JpegFrame.Component c = frame.components[i];
            long size = (long) c.stride * c.planeHeight;
            if (size > Integer.MAX_VALUE - 16) {
                throw new JpegDeclined("too many samples");
            }
            planes[i] = new byte[(int) size];
        }
        boolean parallel = workers > 1 && (long) frame.width * frame.height >= PARALLEL_THRESHOLD;
        int[] restarts = parallel ? restartOffsets(jpeg, frame) : null;
        if (restarts != null && restarts.length > 0) {
            decodeIntervals(jpeg, frame, planes, restarts, workers);
            int strips = (frame.height + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
            Bands.each(strips, s -> new JpegColour(frame, planes, rows.get())
                    .rows(s * ROWS_PER_TASK, Math.min(frame.height, (s + 1) * ROWS_PER_TASK)));
        } else {
            decodeInOrder(jpeg, frame, planes, rows, parallel);
        }
    }

    /** One thread decodes the scan MCU row by MCU row; the rows whose samples are complete are converted on the way. */
    private static void decodeInOrder(byte[] jpeg, JpegFrame frame, byte[][] planes, Supplier<? extends PixelRows> rows,
            boolean parallel) {
        JpegScanDecoder scan = new JpegScanDecoder(frame, jpeg, planes);
        scan.start(0, frame.scanStart);
        JpegColour colour = parallel ? null : new JpegColour(frame, planes, rows.get());
        List<ForkJoinTask<?>> tasks = new ArrayList<>();
        int mcuHeight = 8 * frame.maxV;
        int converted = 0;
        try {
            for (int row = 0; row < frame.mcuRows; row++) {
                scan.decode(row * frame.mcusPerRow, (row + 1) * frame.mcusPerRow);
                // fancy upsampling reads the chroma row below: the last two output rows wait for the next MCU row
                int ready = row + 1 == frame.mcuRows ? frame.height : Math.min(frame.height, (row + 1) * mcuHeight - 2);
                if (!parallel) {
                    colour.rows(converted, ready);
                    converted = ready;
                } else if (ready - converted >= ROWS_PER_TASK || ready == frame.height) {
                    int from = converted;
                    tasks.add(ForkJoinPool.commonPool().submit(() -> new JpegColour(frame, planes, rows.get()).rows(from, ready)));
                    converted = ready;
                }
            }
            scan.end(frame.mcusPerRow * frame.mcuRows);
        } finally {
            for (ForkJoinTask<?> task : tasks) {
                task.join();
            }
        }
    }

    /** Decodes the restart intervals in parallel, each task a run of consecutive intervals. */
    private static void decodeIntervals(byte[] jpeg, JpegFrame frame, byte[][] planes, int[] restarts, int workers) {
        int intervals = restarts.length + 1;
        int total = frame.mcusPerRow * frame.mcuRows;
        int interval = frame.restartInterval;
        int tasks = Math.min(intervals, 4 * workers);
        Bands.each(tasks, t -> {
            int first = (int) ((long) intervals * t / tasks);
            int last = (int) ((long) intervals * (t + 1) / tasks);
            JpegScanDecoder scan = new JpegScanDecoder(frame, jpeg, planes);
            int from = first * interval;
            int to = (int) Math.min(total, (long) last * interval);
            scan.start(from, first == 0 ? frame.scanStart : restarts[first - 1]);
            scan.decode(from, to);
            scan.end(to);
        });
    }

    /**
     * Where each restart interval after the first begins (just after its RSTn marker), found by
     * scanning the entropy-coded data for markers; null when the file has no restart interval or
     * its markers are not the ones the interval count asks for in turn (the sequential decoder then
     * finds out what is wrong).
     */
    static int[] restartOffsets(byte[] jpeg, JpegFrame frame) {
        int interval = frame.restartInterval;
        long total = (long) frame.mcusPerRow * frame.mcuRows;
        if (interval == 0 || total <= interval) {
            return null;
        }
        int[] offsets = new int[(int) ((total + interval - 1) / interval) - 1];
        int found = 0;
        for (int p = frame.scanStart; p + 1 < jpeg.length; p++) {
            if (jpeg[p] != (byte) 0xFF) {
                continue;
            }
            int next = jpeg[p + 1] & 0xff;
            if (next == 0 || next == 0xFF) {
                continue; // a stuffed byte, or a fill byte before a marker
            }
            if (next < 0xD0 || next > 0xD7 || found == offsets.length || next != 0xD0 + (found & 7)) {
                break; // the end of the scan, or restart markers the sequential decoder will refuse
            }
            offsets[found++] = p + 2;
            p++;
        }
        return found == offsets.length ? offsets : null;
    }
}

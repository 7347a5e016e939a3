package dev.pixelstep.benchmarks.job;

import dev.pixelstep.functions.internal.image.ImageDecoder;
import dev.pixelstep.functions.internal.image.ImageEncoder;
import dev.pixelstep.functions.internal.image.ImageFormat;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.functions.internal.image.JpegDecoder;
import dev.pixelstep.functions.internal.image.IntRgb;
import dev.pixelstep.functions.internal.image.RgbBytes;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static dev.pixelstep.benchmarks.KernelCpuTimes.median;

/**
 * CPU time per core of one JPEG decode of a photo, side by side: pixelstep's own decoder
 * ({@link JpegDecoder#decode}, into {@code TYPE_INT_RGB}; what {@link ImageDecoder} uses from JDK 25 on,
 * see the functions README), the JDK's ImageIO
 * reader as ImageDecoder uses it (the first reader ImageIO
 * finds, into RGB bytes, what the analyser counts, and then unpacked to {@code TYPE_INT_RGB}, what
 * the processor uses), and Pillow's {@code Image.open().load()}
 * timed with {@code time.process_time} in a Python child process. Each for the photo as it is (no
 * restart markers) and for pixelstep's own JPEG of it (restart markers, what the analyser of the
 * combined image decodes). The three decodes alternate run after run (the machine's load hits all
 * alike); medians of thread CPU time. Run it with {@code -XX:ActiveProcessorCount=1}, so that everything runs
 * on the calling thread, on the class path of {@code target/job-classpath.txt}:
 *
 * <pre>
 * java -XX:ActiveProcessorCount=1 -cp "benchmarks/target/classes:$(cat benchmarks/target/job-classpath.txt)" \
 *   dev.pixelstep.benchmarks.job.JpegDecodeCpuTime benchmarks/target/job-photos/13mp.jpg 15 [/usr/bin/python3]
 * </pre>
 */
public final class JpegDecodeCpuTime {

    private static final String PILLOW = String.join("\n",
            "import io, sys, time",
            "from PIL import Image",
            "runs = int(sys.argv[1]); out = []",
            "for path in sys.argv[2:]:",
            "    data = open(path, 'rb').read(); ts = []",
            "    for i in range(2 * runs):",
            "        t = time.process_time(); im = Image.open(io.BytesIO(data)); im.load(); ts.append(time.process_time() - t)",
            "    ts = sorted(ts[runs:]); out.append('%.1f ms' % (ts[len(ts) // 2] * 1000))",
            "print('Pillow %s: %s' % (Image.__version__, ', '.join(out)))");

    private JpegDecodeCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        String python = args.length > 2 ? args[2] : "/usr/bin/python3";
        byte[] photo = Files.readAllBytes(file);
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        BufferedImage decoded = decoder.decode("photo", photo).image();
        byte[] ours = new ImageEncoder().encode(decoded, ImageFormat.JPEG).toByteArray();
        Path oursFile = Files.createTempFile("pixelstep-jpeg", ".jpg");
        Files.write(oursFile, ours);
        System.out.printf(Locale.ROOT, "%s, %dx%d, %s, %d processor(s), medians of %d runs of thread CPU time:%n", file.getFileName(),
                decoded.getWidth(), decoded.getHeight(), Runtime.version(), Runtime.getRuntime().availableProcessors(), runs);
        for (byte[] jpeg : new byte[][] {photo, ours}) {
            // warm-up, then the three decodes in turn, run after run, so that load changes hit all alike
            double[][] ms = new double[3][runs];
            for (int round = -runs; round < runs; round++) {
                double own = cpuMillis(() -> JpegDecoder.decode(jpeg, ImageLimits.DEFAULT_MAX_PIXELS).orElseThrow());
                double jdkBytes = cpuMillis(() -> jdkRgbBytes(jpeg));
                double jdkInts = cpuMillis(() -> IntRgb.of(jdkRgbBytes(jpeg)));
                if (round >= 0) {
                    ms[0][round] = own;
                    ms[1][round] = jdkBytes;
                    ms[2][round] = jdkInts;
                }
            }
            double own = median(ms[0]);
            double jdkBytes = median(ms[1]);
            double jdkInts = median(ms[2]);
            System.out.printf(Locale.ROOT, "%s (%d bytes): pixelstep %.1f ms; ImageIO reader (%s) %.1f ms into RGB bytes (%.2fx pixelstep),"
                    + " %.1f ms into TYPE_INT_RGB (%.2fx pixelstep)%n", jpeg == photo ? "the photo" : "pixelstep's JPEG of it, restart markers",
                    jpeg.length, own, readerName(jpeg), jdkBytes, jdkBytes / own, jdkInts, jdkInts / own);
        }
        Process pillow = new ProcessBuilder(python, "-c", PILLOW, Integer.toString(runs), file.toString(), oursFile.toString())
                .redirectErrorStream(true).start();
        System.out.print(new String(pillow.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        pillow.waitFor();
        Files.delete(oursFile);
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    @SuppressWarnings("unused")
    private static volatile int sink;

    private static double cpuMillis(java.util.function.Supplier<Object> work) {
        long start = THREADS.getCurrentThreadCpuTime();
        sink ^= System.identityHashCode(work.get());
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
    }


    /**
     * What the functions do (ImageDecoder): the first
     * reader ImageIO finds for the bytes (TwelveMonkeys' in front of the JDK's, decoding through
     * the JDK's native libjpeg), into RGB bytes (one copy per line).
     */
    private static BufferedImage jdkRgbBytes(byte[] jpeg) {
        ImageReader reader = reader(jpeg);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setDestination(RgbBytes.blank(reader.getWidth(0), reader.getHeight(0)));
            return reader.read(0, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader reader(byte[] jpeg) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            return ImageIO.getImageReaders(in).next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readerName(byte[] jpeg) {
        ImageReader reader = reader(jpeg);
        try {
            return reader.getClass().getName();
        } finally {
            reader.dispose();
        }
    }
}

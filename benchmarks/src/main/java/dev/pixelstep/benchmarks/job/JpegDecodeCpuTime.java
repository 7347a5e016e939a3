package dev.pixelstep.benchmarks.job;

import dev.pixelstep.benchmarks.KernelCpuTimes;
import dev.pixelstep.functions.internal.image.ImageDecoder;
import dev.pixelstep.functions.internal.image.ImageEncoder;
import dev.pixelstep.functions.internal.image.ImageFormat;
import dev.pixelstep.functions.internal.image.ImageLimits;
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

/**
 * CPU time per core of one JPEG decode of a photo, side by side: pixelstep's decoder (through
 * {@link ImageDecoder#decode}, header check included, into {@code TYPE_INT_RGB}), the JDK's ImageIO
 * reader as the functions used it before (into RGB bytes, what the analyser counted, and then
 * unpacked to {@code TYPE_INT_RGB}, what the processor used), and Pillow's {@code Image.open().load()}
 * timed with {@code time.process_time} in a Python child process. Each for the photo as it is (no
 * restart markers) and for pixelstep's own JPEG of it (restart markers, what the analyser of the
 * combined image decodes). Run it with {@code -XX:ActiveProcessorCount=1}, so that everything runs
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
            double own = KernelCpuTimes.measure(runs, () -> decoder.decode("photo", jpeg));
            double jdkBytes = KernelCpuTimes.measure(runs, () -> jdkRgbBytes(jpeg));
            double jdkInts = KernelCpuTimes.measure(runs, () -> IntRgb.of(jdkRgbBytes(jpeg)));
            System.out.printf(Locale.ROOT, "%s (%d bytes): pixelstep %.1f ms; ImageIO reader %.1f ms into RGB bytes, %.1f ms into TYPE_INT_RGB"
                    + " (%.2fx pixelstep)%n", jpeg == photo ? "the photo" : "pixelstep's JPEG of it, restart markers", jpeg.length,
                    own, jdkBytes, jdkInts, jdkInts / own);
        }
        Process pillow = new ProcessBuilder(python, "-c", PILLOW, Integer.toString(runs), file.toString(), oursFile.toString())
                .redirectErrorStream(true).start();
        System.out.print(new String(pillow.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        pillow.waitFor();
        Files.delete(oursFile);
    }

    /** What the functions did before their own decoder: the JDK's reader into RGB bytes (one copy per line). */
    private static BufferedImage jdkRgbBytes(byte[] jpeg) {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
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
}

package dev.pixelstep.benchmarks.job;

import dev.pixelstep.benchmarks.KernelCpuTimes;
import dev.pixelstep.functions.internal.image.ImageEncoder;
import dev.pixelstep.functions.internal.image.ImageFormat;
import dev.pixelstep.functions.internal.image.IntRgb;
import dev.pixelstep.functions.internal.image.RgbBytes;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * CPU time per core of one JPEG q0.9 encode of a photo, side by side: pixelstep's encoder
 * ({@link ImageEncoder}, colour and grey), the JDK's ImageIO writer fed RGB bytes (its fastest
 * input, what the functions gave it before their own encoder), and Pillow's {@code save(quality=90)}
 * (RGB and {@code L}) timed with {@code time.process_time} in a Python child process. Run it with
 * {@code -XX:ActiveProcessorCount=1} so that the encoder runs on the calling thread alone, on the
 * class path of {@code target/job-classpath.txt}, after {@code job/run.sh} made the photos:
 *
 * <pre>
 * java -XX:ActiveProcessorCount=1 -cp "benchmarks/target/classes:$(cat benchmarks/target/job-classpath.txt)" \
 *   dev.pixelstep.benchmarks.job.JpegEncodeCpuTime benchmarks/target/job-photos/13mp.jpg 15 [/usr/bin/python3]
 * </pre>
 */
public final class JpegEncodeCpuTime {

    private static final String PILLOW = String.join("\n",
            "import io, sys, time",
            "from PIL import Image",
            "im = Image.open(sys.argv[1]); im.load(); runs = int(sys.argv[2])",
            "def median(img):",
            "    ts = []",
            "    for i in range(2 * runs):",
            "        b = io.BytesIO(); t = time.process_time(); img.save(b, 'JPEG', quality=90); ts.append(time.process_time() - t)",
            "    ts = sorted(ts[runs:]); return ts[len(ts) // 2] * 1000, b.tell()",
            "c = median(im.convert('RGB')); g = median(im.convert('L'))",
            "print('Pillow %s: colour %.1f ms (%d bytes), grey (L) %.1f ms (%d bytes)' % (Image.__version__, c[0], c[1], g[0], g[1]))");

    private JpegEncodeCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        File file = new File(args[0]);
        int runs = Integer.parseInt(args[1]);
        String python = args.length > 2 ? args[2] : "/usr/bin/python3";
        BufferedImage photo = IntRgb.of(ImageIO.read(file));
        BufferedImage grey = grey(photo);
        BufferedImage rgbBytes = rgbBytes(photo);
        ImageEncoder encoder = new ImageEncoder();
        double ours = KernelCpuTimes.measure(runs, () -> encoder.encode(photo, ImageFormat.JPEG));
        double oursGrey = KernelCpuTimes.measure(runs, () -> encoder.encode(grey, ImageFormat.JPEG));
        double jdk = KernelCpuTimes.measure(runs, () -> jdkJpeg(rgbBytes));
        System.out.printf(Locale.ROOT, "%s, %dx%d, %s, %d processor(s), medians of %d runs of thread CPU time:%n", file.getName(),
                photo.getWidth(), photo.getHeight(), Runtime.version(), Runtime.getRuntime().availableProcessors(), runs);
        System.out.printf(Locale.ROOT, "pixelstep: colour %.1f ms (%d bytes), grey %.1f ms (%d bytes)%n", ours,
                encoder.encode(photo, ImageFormat.JPEG).length(), oursGrey, encoder.encode(grey, ImageFormat.JPEG).length());
        System.out.printf(Locale.ROOT, "ImageIO writer (RGB bytes in): colour %.1f ms (%d bytes), %.2fx pixelstep%n", jdk,
                jdkJpeg(rgbBytes).length, jdk / ours);
        Process pillow = new ProcessBuilder(python, "-c", PILLOW, file.getPath(), Integer.toString(runs)).redirectErrorStream(true).start();
        System.out.print(new String(pillow.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        pillow.waitFor();
    }

    /** Rec. 601 luma in every channel: what {@code grayscale} gives, an image the encoder writes with one component. */
    private static BufferedImage grey(BufferedImage photo) {
        BufferedImage out = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] in = ((DataBufferInt) photo.getRaster().getDataBuffer()).getData();
        int[] px = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            int p = in[i];
            int y = (299 * ((p >> 16) & 0xff) + 587 * ((p >> 8) & 0xff) + 114 * (p & 0xff) + 500) / 1000;
            px[i] = y << 16 | y << 8 | y;
        }
        return out;
    }

    private static BufferedImage rgbBytes(BufferedImage photo) {
        BufferedImage out = RgbBytes.blank(photo.getWidth(), photo.getHeight());
        byte[] rgb = RgbBytes.data(out);
        int[] in = ((DataBufferInt) photo.getRaster().getDataBuffer()).getData();
        for (int i = 0, j = 0; i < in.length; i++, j += 3) {
            rgb[j] = (byte) (in[i] >> 16);
            rgb[j + 1] = (byte) (in[i] >> 8);
            rgb[j + 2] = (byte) in[i];
        }
        return out;
    }

    private static byte[] jdkJpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 2);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(ImageEncoder.JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}

package dev.pixelstep.layer.bench;

import dev.pixelstep.functions.support.S3ProxyServer;
import dev.pixelstep.layer.Zips;
import dev.pixelstep.testkit.photos.BenchmarkImages;
import dev.pixelstep.testkit.photos.TestPhotos;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Fresh-JVM time to the first processed result, from the BUILT zips on Lambda's class path with
 * Lambda's default Java flags, with and without the priming path. Not a test; run by hand:
 * {@code ColdStartMeasurements <layer.zip> <function.zip> <runs>}.
 */
public final class ColdStartMeasurements {

    private static final String CHAIN = "grayscale, blur(radius=4), sepia";

    private ColdStartMeasurements() {
    }

    public static void main(String[] args) throws Exception {
        try {
            measure(args);
        } finally {
            System.exit(0); // S3Proxy's threads are not daemons
        }
    }

    private static void measure(String[] args) throws Exception {
        Path layerZip = Path.of(args[0]);
        Path functionZip = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path work = Files.createTempDirectory("pixelstep-coldstart");
        Zips.unpack(functionZip, work.resolve("task"));
        Zips.unpack(layerZip, work.resolve("opt"));
        Path probe = work.resolve("probe");
        copyClass(ColdStartProbe.class, probe);
        String classPath = classPath(work.resolve("task"), work.resolve("opt/java/lib"), probe);

        try (S3ProxyServer s3 = S3ProxyServer.startOn(work.resolve("s3"))) {
            s3.createBucket("cold-in");
            s3.createBucket("cold-out");
            byte[] photo = jpeg(BenchmarkImages.scaledToCover(BenchmarkImages.decode(TestPhotos.jpeg()), 1792, 1120));
            s3.put("cold-in", "photo.jpg", photo, Map.of("operations", CHAIN));
            System.out.printf(Locale.ROOT, "2 MP photo 1792x1120, %d bytes, chain '%s', %d processors%n", photo.length, CHAIN,
                    Runtime.getRuntime().availableProcessors());
            String request = "{\"bucket\":\"cold-in\",\"key\":\"photo.jpg\"}";
            // Alternate the two variants so that load from other processes affects both alike.
            Map<Boolean, List<String>> lines = Map.of(false, new ArrayList<>(), true, new ArrayList<>());
            for (int i = 0; i < runs; i++) {
                for (boolean prime : new boolean[] {false, true}) {
                    long start = System.nanoTime();
                    String output = run(classPath, s3.endpoint(), prime, request);
                    long wall = (System.nanoTime() - start) / 1_000_000;
                    String times = output.lines().filter(l -> l.startsWith("TIMES")).findFirst()
                            .orElseThrow(() -> new IllegalStateException("probe failed:\n" + output));
                    lines.get(prime).add("spawn-to-exit=" + wall + " " + times.substring(6));
                }
            }
            for (boolean prime : new boolean[] {false, true}) {
                System.out.println(prime ? "with priming (prime() before the first request):" : "without priming:");
                lines.get(prime).forEach(l -> System.out.println("  " + l));
            }
        }
    }

    private static String run(String classPath, URI endpoint, boolean prime, String request) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Djava.awt.headless=true",
                "-cp", classPath, ColdStartProbe.class.getName(),
                "dev.pixelstep.functions.processor.ProcessorHandler", Boolean.toString(prime), request);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PIXELSTEP_OUTPUT_BUCKET", "cold-out");
        builder.environment().put("PIXELSTEP_S3_ENDPOINT", endpoint.toString());
        builder.environment().put("PIXELSTEP_S3_PATH_STYLE", "true");
        builder.environment().put("AWS_REGION", "us-east-1");
        builder.environment().put("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(2, TimeUnit.MINUTES);
        return output;
    }

    private static byte[] jpeg(java.awt.image.BufferedImage image) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static String classPath(Path task, Path layerLib, Path probe) throws Exception {
        List<String> entries = new ArrayList<>();
        entries.add(task.toString());
        Zips.jars(layerLib).forEach(p -> entries.add(p.toString()));
        entries.add(probe.toString());
        return String.join(File.pathSeparator, entries);
    }

    private static void copyClass(Class<?> type, Path dir) throws Exception {
        String resource = type.getName().replace('.', '/') + ".class";
        Path target = dir.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
    }
}

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Fresh-JVM time to the first processed result, from the BUILT zips on Lambda's class path with
 * the flags Lambda starts the deployed functions with (the java runtime's own for a 2048 MB
 * function, plus the CDK app's {@code JAVA_TOOL_OPTIONS}), without priming, with and without
 * class-data sharing of the application's classes: a dynamic AppCDS archive
 * ({@code -XX:ArchiveClassesAtExit}, JDK 13+) and, on JDK 25, the AOT cache ({@code -XX:AOTCacheOutput},
 * JEP 483/514: classes loaded and linked ahead of time). Each archive is made by one training run
 * of the same request in the same JVM; the runs of all variants alternate. Not a test; run by hand:
 * {@code ColdStartMeasurements <layer.zip> <function.zip> <runs> [java ...]} (default: this JVM and
 * Temurin 25 when installed), {@code ColdStartMeasurements compare ...} for two builds' unprimed
 * path side by side (see {@link #compare}), or {@code ColdStartMeasurements primed ...} for the
 * first requests after each build's {@code prime()} (see {@link #primed}).
 */
public final class ColdStartMeasurements {

    private static final String CHAIN = "grayscale, blur(radius=4), sepia";
    private static final String REQUEST = "{\"bucket\":\"cold-in\",\"key\":\"photo.jpg\"}";
    private static final int PRIMED_REQUESTS = 5;
    private static final List<String> LAMBDA_FLAGS = List.of("-XX:MaxHeapSize=1782579k", "-XX:MaxMetaspaceSize=209715k",
            "-XX:ReservedCodeCacheSize=104857k", "-XX:+UseSerialGC", "-Xshare:auto", "-Djava.net.preferIPv4Stack=true",
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=4", "-Djava.awt.headless=true");

    private ColdStartMeasurements() {
    }

    /** One way of starting: a JVM, extra flags, whether prime() runs first. */
    private record Variant(String name, Path java, List<String> flags, boolean prime) {
    }

    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            measure(args);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            System.exit(status); // S3Proxy's threads are not daemons
        }
    }

    private static void measure(String[] args) throws Exception {
        if (args[0].equals("compare")) {
            compare(args);
            return;
        }
        if (args[0].equals("primed")) {
            primed(args);
            return;
        }
        Path layerZip = Path.of(args[0]);
        Path functionZip = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        List<Path> javas = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            javas.add(Path.of(args[i]));
        }
        if (javas.isEmpty()) {
            javas.add(Path.of(System.getProperty("java.home"), "bin", "java"));
            Path temurin25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
            if (Files.isExecutable(temurin25)) {
                javas.add(temurin25);
            }
        }
        Path work = Files.createTempDirectory("pixelstep-coldstart");
        Zips.unpack(functionZip, work.resolve("task"));
        Zips.unpack(layerZip, work.resolve("opt"));
        Path probe = work.resolve("probe");
        copyClass(ColdStartProbe.class, probe);
        // Class-data sharing archives classes from jars only (a directory on the class path stops the
        // dump), so the function's classes and the probe go into jars: Lambda puts /var/task/lib/*.jar
        // on the class path too.
        Path taskJar = jar(work.resolve("task"), work.resolve("task-lib/pixelstep-functions.jar"));
        Path probeJar = jar(probe, work.resolve("probe-lib/probe.jar"));
        String classPath = classPath(taskJar, work.resolve("opt/java/lib"), probeJar);

        try (S3ProxyServer s3 = S3ProxyServer.startOn(work.resolve("s3"))) {
            s3.createBucket("cold-in");
            s3.createBucket("cold-out");
            byte[] photo = jpeg(BenchmarkImages.scaledToCover(BenchmarkImages.decode(TestPhotos.jpeg()), 1792, 1120));
            s3.put("cold-in", "photo.jpg", photo, Map.of("operations", CHAIN));
            System.out.printf(Locale.ROOT, "2 MP photo 1792x1120, %d bytes, chain '%s', %d processors, flags %s%n", photo.length, CHAIN,
                    Runtime.getRuntime().availableProcessors(), LAMBDA_FLAGS);
            List<Variant> variants = new ArrayList<>();
            for (Path java : javas) {
                String version = version(java);
                variants.add(new Variant(version + " primed (reference)", java, List.of(), true));
                variants.add(new Variant(version + " unprimed", java, List.of(), false));
                Path jsa = work.resolve("app-" + version + ".jsa");
                train(java, classPath, s3.endpoint(), List.of("-XX:ArchiveClassesAtExit=" + jsa));
                System.out.printf(Locale.ROOT, "%s AppCDS archive: %,d bytes%n", version, Files.size(jsa));
                variants.add(new Variant(version + " unprimed + AppCDS", java, List.of("-XX:SharedArchiveFile=" + jsa), false));
                if (Runtime.Version.parse(version).feature() >= 25) {
                    Path aot = work.resolve("app-" + version + ".aot");
                    train(java, classPath, s3.endpoint(), List.of("-XX:AOTCacheOutput=" + aot));
                    System.out.printf(Locale.ROOT, "%s AOT cache: %,d bytes%n", version, Files.size(aot));
                    variants.add(new Variant(version + " unprimed + AOT cache", java, List.of("-XX:AOTCache=" + aot), false));
                }
            }
            // Alternate the variants so that load from other processes affects all alike.
            Map<Variant, List<long[]>> times = new LinkedHashMap<>();
            for (int i = 0; i < runs; i++) {
                for (Variant variant : variants) {
                    times.computeIfAbsent(variant, v -> new ArrayList<>()).add(run(variant, classPath, s3.endpoint()));
                }
            }
            System.out.println("medians in ms:  construct handler | prime() | first request | second request | process spawn to exit");
            for (Map.Entry<Variant, List<long[]>> e : times.entrySet()) {
                System.out.printf(Locale.ROOT, "%-40s %6d %6d %6d %6d %6d%n", e.getKey().name(), median(e.getValue(), 0),
                        median(e.getValue(), 1), median(e.getValue(), 2), median(e.getValue(), 3), median(e.getValue(), 4));
            }
        }
    }

    /**
     * {@code compare <label> <layer.zip> <function.zip> <label> <layer.zip> <function.zip> <runs>}: the
     * unprimed path of two builds (e.g. before and after a change) side by side on this JVM, their
     * fresh JVMs alternating, so that load from other processes affects both alike.
     */
    private static void compare(String[] args) throws Exception {
        int runs = Integer.parseInt(args[7]);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path work = Files.createTempDirectory("pixelstep-coldstart");
        Path probe = work.resolve("probe");
        copyClass(ColdStartProbe.class, probe);
        Path probeJar = jar(probe, work.resolve("probe-lib/probe.jar"));
        Map<String, String> classPaths = new LinkedHashMap<>();
        for (Map.Entry<String, Path> build : unpackTwoBuilds(args, work).entrySet()) {
            Path taskJar = jar(build.getValue().resolve("task"), build.getValue().resolve("task-lib/pixelstep-functions.jar"));
            classPaths.put(build.getKey(), classPath(taskJar, build.getValue().resolve("opt/java/lib"), probeJar));
        }
        try (S3ProxyServer s3 = S3ProxyServer.startOn(work.resolve("s3"))) {
            s3.createBucket("cold-in");
            s3.createBucket("cold-out");
            byte[] photo = jpeg(BenchmarkImages.scaledToCover(BenchmarkImages.decode(TestPhotos.jpeg()), 1792, 1120));
            s3.put("cold-in", "photo.jpg", photo, Map.of("operations", CHAIN));
            System.out.printf(Locale.ROOT, "2 MP photo 1792x1120, %d bytes, chain '%s', %s, unprimed, flags %s%n", photo.length, CHAIN,
                    version(java), LAMBDA_FLAGS);
            Map<String, List<long[]>> times = new LinkedHashMap<>();
            for (int i = 0; i < runs; i++) {
                for (Map.Entry<String, String> build : classPaths.entrySet()) {
                    times.computeIfAbsent(build.getKey(), k -> new ArrayList<>())
                            .add(run(new Variant(build.getKey(), java, List.of(), false), build.getValue(), s3.endpoint()));
                }
            }
            System.out.println("medians in ms:  construct handler | first request | construct + first request | process spawn to exit");
            for (Map.Entry<String, List<long[]>> e : times.entrySet()) {
                long[] sums = e.getValue().stream().mapToLong(t -> t[0] + t[2]).sorted().toArray();
                System.out.printf(Locale.ROOT, "%-20s %6d %6d %6d %6d%n", e.getKey(), median(e.getValue(), 0), median(e.getValue(), 2),
                        sums[sums.length / 2], median(e.getValue(), 4));
            }
        }
    }

    /**
     * {@code primed <label> <layer.zip> <function.zip> <label> <layer.zip> <function.zip> <runs> [java]}:
     * what a SnapStart restore meets, for two builds side by side: a fresh JVM of each (Temurin 25,
     * the JDK of Lambda's java25 runtime, when installed; the deployed flags; one CPU, as a 1769 MB
     * function has) constructs the processor, then the analyser, calls {@code prime()} and serves
     * {@value #PRIMED_REQUESTS} requests of a 4 MP photo (the processor with the chain of the
     * whole-job benchmark, the analyser the original); S3Proxy runs in this JVM. Prints the medians
     * of {@code prime()} and of each request, by position.
     */
    private static void primed(String[] args) throws Exception {
        int runs = Integer.parseInt(args[7]);
        Path temurin25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        Path java = args.length > 8 ? Path.of(args[8])
                : Files.isExecutable(temurin25) ? temurin25 : Path.of(System.getProperty("java.home"), "bin", "java");
        Path work = Files.createTempDirectory("pixelstep-coldstart");
        Path probe = work.resolve("probe");
        copyClass(ColdStartProbe.class, probe);
        Map<String, String> classPaths = new LinkedHashMap<>();
        for (Map.Entry<String, Path> build : unpackTwoBuilds(args, work).entrySet()) {
            classPaths.put(build.getKey(), classPath(build.getValue().resolve("task"), build.getValue().resolve("opt/java/lib"), probe));
        }
        Map<String, String> handlers = new LinkedHashMap<>();
        handlers.put("dev.pixelstep.functions.processor.ProcessorHandler", REQUEST);
        handlers.put("dev.pixelstep.functions.analyser.AnalyserHandler",
                "{\"bucket\":\"cold-in\",\"key\":\"photo.jpg\",\"label\":\"original\",\"resultPrefix\":\"photo.jpg\"}");
        try (S3ProxyServer s3 = S3ProxyServer.startOn(work.resolve("s3"))) {
            s3.createBucket("cold-in");
            s3.createBucket("cold-out");
            byte[] photo = jpeg(BenchmarkImages.scaledToCover(BenchmarkImages.decode(TestPhotos.jpeg()), 2400, 1600));
            s3.put("cold-in", "photo.jpg", photo, Map.of("operations", "grayscale, blur(radius=2), sepia"));
            System.out.printf(Locale.ROOT, "4 MP photo 2400x1600, %d bytes, %s, one CPU, flags %s%n", photo.length, version(java), LAMBDA_FLAGS);
            Map<String, List<long[]>> times = new LinkedHashMap<>();
            for (int i = 0; i < runs; i++) {
                for (Map.Entry<String, String> handler : handlers.entrySet()) {
                    for (Map.Entry<String, String> build : classPaths.entrySet()) {
                        String name = handler.getKey().substring(handler.getKey().lastIndexOf('.') + 1) + " " + build.getKey();
                        List<String> command = new ArrayList<>(List.of("taskset", "-c", "0", java.toString()));
                        command.addAll(LAMBDA_FLAGS);
                        command.addAll(List.of("-XX:ActiveProcessorCount=1", "-cp", build.getValue(), ColdStartProbe.class.getName(),
                                handler.getKey(), "true", handler.getValue(), Integer.toString(PRIMED_REQUESTS)));
                        String output = exec(command, s3.endpoint());
                        String line = output.lines().filter(l -> l.startsWith("TIMES")).findFirst()
                                .orElseThrow(() -> new IllegalStateException(name + " failed:\n" + output));
                        String[] requests = line.substring(line.indexOf("requests=") + "requests=".length()).split(",");
                        long[] row = new long[PRIMED_REQUESTS + 1];
                        row[0] = Long.parseLong(line.replaceAll(".* prime=(\\d+) .*", "$1"));
                        for (int r = 0; r < PRIMED_REQUESTS; r++) {
                            row[r + 1] = Long.parseLong(requests[r].strip());
                        }
                        times.computeIfAbsent(name, k -> new ArrayList<>()).add(row);
                        System.out.println(name + ": " + line + " " + output.lines().filter(l -> l.startsWith("PRIMING"))
                                .map(l -> l.replaceAll(".*jit=", "jit=")).findFirst().orElse(""));
                        output.lines().filter(l -> l.startsWith("PHASES")).forEach(l -> System.out.println("  " + l));
                    }
                }
            }
            System.out.println("medians in ms:  prime() | request 1 | 2 | 3 | 4 | 5");
            for (Map.Entry<String, List<long[]>> e : times.entrySet()) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-32s", e.getKey()));
                for (int c = 0; c <= PRIMED_REQUESTS; c++) {
                    row.append(String.format(Locale.ROOT, " %6d", median(e.getValue(), c)));
                }
                System.out.println(row);
            }
        }
    }

    /**
     * The two builds {@code compare} and {@code primed} take ({@code <label> <layer.zip> <function.zip>}
     * twice, from {@code args[1]}), each unpacked under {@code work} into {@code task/} and {@code opt/}:
     * label to build directory, in the order given.
     */
    private static Map<String, Path> unpackTwoBuilds(String[] args, Path work) throws Exception {
        Map<String, Path> builds = new LinkedHashMap<>();
        for (int b = 0; b < 2; b++) {
            Path build = work.resolve("build" + b);
            Zips.unpack(Path.of(args[3 * b + 3]), build.resolve("task"));
            Zips.unpack(Path.of(args[3 * b + 2]), build.resolve("opt"));
            builds.put(args[3 * b + 1], build);
        }
        return builds;
    }

    /** One training run of the request with {@code flags} (which write an archive at exit). */
    private static void train(Path java, String classPath, URI endpoint, List<String> flags) throws Exception {
        String output = start(java, flags, classPath, endpoint, false);
        if (!output.contains("TIMES")) {
            throw new IllegalStateException("training run failed:\n" + output);
        }
        System.out.println("training run " + flags + ":\n" + output.lines().filter(l -> l.contains("warning") || l.contains("error")
                || l.contains("CDS") || l.contains("AOT")).collect(Collectors.joining("\n")));
    }

    /** construct, prime, first, second (from the probe) and spawn-to-exit, in ms. */
    private static long[] run(Variant variant, String classPath, URI endpoint) throws Exception {
        long start = System.nanoTime();
        String output = start(variant.java(), variant.flags(), classPath, endpoint, variant.prime());
        long wall = (System.nanoTime() - start) / 1_000_000;
        String times = output.lines().filter(l -> l.startsWith("TIMES")).findFirst()
                .orElseThrow(() -> new IllegalStateException(variant.name() + " failed:\n" + output));
        long[] out = new long[5];
        String[] parts = times.substring(6).split(" ");
        for (int i = 0; i < 4; i++) {
            out[i] = Long.parseLong(parts[i].substring(parts[i].indexOf('=') + 1));
        }
        out[4] = wall;
        return out;
    }

    private static String start(Path java, List<String> flags, String classPath, URI endpoint, boolean prime) throws Exception {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        boolean aot = flags.stream().anyMatch(f -> f.startsWith("-XX:AOTCache"));
        LAMBDA_FLAGS.stream().filter(f -> !(aot && f.startsWith("-Xshare"))).forEach(command::add); // JDK 25 refuses AOT flags with any -Xshare
        command.addAll(flags);
        command.addAll(List.of("-cp", classPath, ColdStartProbe.class.getName(),
                "dev.pixelstep.functions.processor.ProcessorHandler", Boolean.toString(prime), REQUEST));
        return exec(command, endpoint);
    }

    /** Runs {@code command} with the functions' settings for S3Proxy at {@code endpoint}; its output. */
    private static String exec(List<String> command, URI endpoint) throws Exception {
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

    private static String version(Path java) throws Exception {
        Process process = new ProcessBuilder(java.toString(), "-XshowSettings:properties", "-version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(1, TimeUnit.MINUTES);
        return output.lines().map(String::strip).filter(l -> l.startsWith("java.runtime.version = ")).findFirst()
                .map(l -> l.substring("java.runtime.version = ".length())).orElseThrow();
    }

    private static long median(List<long[]> values, int column) {
        long[] sorted = values.stream().mapToLong(v -> v[column]).sorted().toArray();
        return sorted[sorted.length / 2];
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

    /** A jar of every file under {@code dir}. */
    private static Path jar(Path dir, Path jar) throws Exception {
        Files.createDirectories(jar.getParent());
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new java.util.jar.JarEntry(dir.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
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

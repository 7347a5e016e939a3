package dev.pixelstep.benchmarks.job;

import dev.pixelstep.testkit.FileTrees;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-to-end comparison of issue 13: pixelstep's whole job for one upload ({@link PixelstepJob})
 * against a plain Pillow script doing the same work ({@code pillow_job.py}, {@link PillowJob}), both
 * warm, in alternating rounds in one run, so that whatever else the machine does affects both
 * alike. Run through {@code benchmarks/job/run.sh}, which picks the JVM flags and CPUs of each
 * variant; this class measures one variant and one photo:
 *
 * <pre>
 * WholeJobHarness prepare PHOTO_DIR
 * WholeJobHarness run VARIANT PHOTO_DIR PHOTO_NAME ROUNDS WARMUP PYTHON SCRIPT
 * </pre>
 *
 * The last line of {@code run} is tab-separated: {@code RESULT variant photo pixelstep-ms pillow-ms
 * ratio min-ratio max-ratio processors java jit-ms}, where the times are medians over the rounds, the
 * ratios are pixelstep / Pillow of each round (median, min, max) and {@code jit-ms} is the median
 * time the JVM's JIT compilers spent compiling during a round ({@link
 * java.lang.management.CompilationMXBean#getTotalCompilationTime}, summed over the compiler threads):
 * how far from warm the JVM still is. Each warm-up and round prints it too.
 */
public final class WholeJobHarness {

    private WholeJobHarness() {
    }

    public static void main(String[] args) throws Exception {
        try {
            switch (args[0]) {
                case "prepare" -> JobPhotos.prepare(Path.of(args[1]));
                case "run" -> run(args[1], Path.of(args[2]), JobPhotos.byName(args[3]), Integer.parseInt(args[4]),
                        Integer.parseInt(args[5]), Path.of(args[6]), Path.of(args[7]));
                default -> throw new IllegalArgumentException("unknown mode " + args[0] + "; prepare or run");
            }
        } finally {
            System.exit(0); // S3Proxy's threads are not daemons
        }
    }

    private static void run(String variant, Path photos, JobPhotos.Spec spec, int rounds, int warmup, Path python, Path script)
            throws Exception {
        Path photo = spec.file(photos);
        Path work = Files.createTempDirectory("pixelstep-job");
        Files.createDirectories(work.resolve("pillow"));
        int cpus = Runtime.getRuntime().availableProcessors();
        String java = System.getProperty("java.vm.name") + " " + Runtime.version();
        System.out.printf(Locale.ROOT, "variant %s, photo %s, %d processors, %s, flags %s%n", variant, spec.describe(), cpus,
                java, ManagementFactory.getRuntimeMXBean().getInputArguments());
        try (PixelstepJob ours = new PixelstepJob(photo, work); PillowJob pillow = new PillowJob(python, script, photo, work.resolve("pillow"))) {
            System.out.printf(Locale.ROOT, "chain '%s'; Python side: %s%n", PixelstepJob.CHAIN, pillow.version());
            var jit = ManagementFactory.getCompilationMXBean();
            for (int i = 1; i <= warmup; i++) {
                long compiled = jit.getTotalCompilationTime();
                double a = ours.run();
                double b = pillow.run();
                System.out.printf(Locale.ROOT, "warm-up %d: pixelstep %.0f ms, pillow %.0f ms, jit %d ms%n", i, a, b,
                        jit.getTotalCompilationTime() - compiled);
            }
            List<Double> oursMs = new ArrayList<>();
            List<Double> pillowMs = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Double> jitMs = new ArrayList<>();
            Map<String, Map<String, List<Double>>> phases = new LinkedHashMap<>(); // step -> phase -> ms
            for (int i = 1; i <= rounds; i++) {
                // alternate who goes first, so that neither always runs right after the other
                long compiled = jit.getTotalCompilationTime();
                double a;
                double b;
                if (i % 2 == 1) {
                    a = ours.run();
                    b = pillow.run();
                } else {
                    b = pillow.run();
                    a = ours.run();
                }
                long compiling = jit.getTotalCompilationTime() - compiled;
                oursMs.add(a);
                pillowMs.add(b);
                ratios.add(a / b);
                jitMs.add((double) compiling);
                ours.lastTimings().forEach((step, timings) -> timings.fields().forEachRemaining(e ->
                        phases.computeIfAbsent(step, k -> new LinkedHashMap<>()).computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                                .add(e.getValue().asDouble())));
                System.out.printf(Locale.ROOT, "round %d: pixelstep %.0f ms, pillow %.0f ms, ratio %.2f, jit %d ms; processor %s%n", i, a, b,
                        a / b, compiling, ours.lastTimings().get("processor"));
            }
            phases.forEach((step, byPhase) -> {
                StringBuilder medians = new StringBuilder();
                byPhase.forEach((phase, ms) -> medians.append(String.format(Locale.ROOT, " %s=%.0f", phase, median(ms))));
                System.out.println(step + " phases, medians in ms:" + medians);
            });
            System.out.printf(Locale.ROOT, "RESULT\t%s\t%s\t%.0f\t%.0f\t%.2f\t%.2f\t%.2f\t%d\t%s\t%.0f%n", variant, spec.name(),
                    median(oursMs), median(pillowMs), median(ratios), min(ratios), max(ratios), cpus, Runtime.version(), median(jitMs));
        } finally {
            FileTrees.delete(work); // the outputs of every round and S3Proxy's store: tens of megabytes a run
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}

package dev.pixelstep.functions.internal.processor;

import dev.pixelstep.functions.internal.image.EncodedImage;
import dev.pixelstep.functions.internal.image.ImageEncoder;
import dev.pixelstep.functions.internal.image.OutputOptions;
import dev.pixelstep.functions.internal.plan.ChainPlan;
import dev.pixelstep.spi.Cancellation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.chain.ChainStep;
import dev.pixelstep.spi.chain.OperationChain;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes, encodes and hands over the outputs of one image: the combined output (every step in
 * order) and one independent output per step (each applied to the original), several at once up
 * to {@link Workers#count} workers, the combined chain first, so that its encoding overlaps the
 * independent steps; with one worker, the combined output first, then the independent ones. Each
 * worker holds one result at a time (the combined chain its current intermediate): it encodes it,
 * hands the bytes to the sink and drops both before taking the next step, so peak memory grows
 * with the number of workers, not with the number of operations. No S3 here: the sink decides
 * where bytes go. Thread-safe.
 */
public final class ChainRunner {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ImageEncoder encoder;

    public ChainRunner(ImageEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * Runs {@code chain} on {@code original}, which is not modified.
     *
     * @param keys names the outputs and gives their format
     */
    public ChainOutputs run(BufferedImage original, OperationChain chain, OutputKeys keys, OutputSink sink) {
        return run(original, chain, keys, OutputOptions.DEFAULT, sink);
    }

    /**
     * Runs {@code chain} on {@code original}, which is not modified, writing outputs with {@code options}.
     *
     * @param keys names the outputs and gives their format
     */
    public ChainOutputs run(BufferedImage original, OperationChain chain, OutputKeys keys, OutputOptions options, OutputSink sink) {
        Map<String, OutputFile> files = new ConcurrentHashMap<>();
        ChainOutputs outputs = runListed(original, chain, keys, options, sink, files);
        List<OutputFile> listed = new ArrayList<>();
        listed.add(files.get(outputs.combined()));
        outputs.independent().forEach(key -> listed.add(files.get(key)));
        return new ChainOutputs(outputs.combined(), outputs.independent(), outputs.combinedMs(), outputs.independentMs(),
                outputs.workers(), listed);
    }

    private ChainOutputs runListed(BufferedImage original, OperationChain chain, OutputKeys keys, OutputOptions options, OutputSink sink,
                                   Map<String, OutputFile> files) {
        long start = System.nanoTime();
        String combinedKey = keys.combined();
        List<ChainStep> steps = chain.steps();
        // Workers counts three images a worker; a step may declare more (a blur holds planes besides its result)
        long imageBytes = Math.max((long) original.getWidth() * original.getHeight() * 4,
                ChainPlan.workerBytes(ImageSize.of(original), steps) / 3);
        int workers = steps.isEmpty() ? 1 : Workers.count(1 + steps.size(), imageBytes);
        if (workers <= 1) {
            store(chain.apply(original), combinedKey, keys, options, sink, files);
            long combinedDone = System.nanoTime();
            List<String> independent = sequential(original, steps, keys, options, sink, files);
            return new ChainOutputs(combinedKey, independent, millis(combinedDone - start), millis(System.nanoTime() - combinedDone),
                    steps.isEmpty() ? 0 : 1, List.of());
        }
        // the combined chain is the first task, so that its encoding overlaps the independent steps
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemonThreads());
        Cancellation cancellation = Cancellation.current(); // the workers' steps check the request's cancellation too
        try {
            Future<Long> combined = pool.submit(() -> cancellation.run(() -> {
                store(chain.apply(original), combinedKey, keys, options, sink, files);
                return System.nanoTime();
            }));
            List<Future<String>> futures = new ArrayList<>(steps.size());
            for (int i = 0; i < steps.size(); i++) {
                ChainStep step = steps.get(i);
                int index = i + 1;
                futures.add(pool.submit(() -> cancellation.run(() -> independent(original, step, index, keys, options, sink, files))));
            }
            long combinedDone = await(combined);
            List<String> independent = new ArrayList<>(steps.size());
            for (Future<String> future : futures) {
                independent.add(await(future));
            }
            return new ChainOutputs(combinedKey, independent, millis(combinedDone - start), millis(System.nanoTime() - start), workers, List.of());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> sequential(BufferedImage original, List<ChainStep> steps, OutputKeys keys, OutputOptions options, OutputSink sink,
                                    Map<String, OutputFile> files) {
        List<String> out = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            out.add(independent(original, steps.get(i), i + 1, keys, options, sink, files));
        }
        return out;
    }

    private String independent(BufferedImage original, ChainStep step, int index, OutputKeys keys, OutputOptions options, OutputSink sink,
                               Map<String, OutputFile> files) {
        String key = keys.independent(index, step.name());
        store(step.apply(original), key, keys, options, sink, files);
        return key;
    }

    private void store(BufferedImage result, String key, OutputKeys keys, OutputOptions options, OutputSink sink,
                       Map<String, OutputFile> files) {
        EncodedImage encoded = encoder.encode(result, keys.format(), options);
        sink.accept(key, encoded);
        files.put(key, new OutputFile(key, encoded.format().id(), result.getWidth(), result.getHeight(), encoded.length()));
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing independent outputs", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread t = new Thread(runnable, "pixelstep-worker-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}

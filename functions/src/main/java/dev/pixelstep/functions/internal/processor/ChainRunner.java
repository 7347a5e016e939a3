package dev.pixelstep.functions.internal.processor;

import dev.pixelstep.functions.internal.concurrent.DaemonThreads;
import dev.pixelstep.functions.internal.image.EncodedImage;
import dev.pixelstep.functions.internal.image.ImageEncoder;
import dev.pixelstep.functions.internal.image.OutputOptions;
import dev.pixelstep.functions.internal.plan.ChainPlan;
import dev.pixelstep.spi.Cancellation;
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
import java.util.function.UnaryOperator;

/**
 * Computes, encodes and hands over the outputs of one image: the combined output (every step in
 * order) and one independent output per step (each applied to the original). The first
 * independent output is the combined chain's first step, computed once: operations are
 * deterministic (the SPI's contract), so its result is both, and a one-step chain encodes it once
 * for both keys. With one worker (one processor, or a heap that affords no more) the other
 * independent outputs come first, then the combined chain, whose first step is the original's
 * last reader: the {@link Original} is released there and the rest of the chain runs without it,
 * so the heap holds at most two images at a time besides the steps' own buffers. With several
 * workers (up to {@link Workers#count}) the combined chain is the first task, so that its encoding
 * overlaps the independent steps, and the original is released once the last of them has read
 * it. Each worker holds one result at a time (the combined chain its current intermediate): it
 * encodes it, hands the bytes to the sink and drops both before taking the next step, so peak
 * memory grows with the number of workers, not with the number of operations. No S3 here: the
 * sink decides where bytes go. Thread-safe.
 */
public final class ChainRunner {

    private final ImageEncoder encoder;
    private final int maxWorkers;

    public ChainRunner(ImageEncoder encoder) {
        this(encoder, Integer.MAX_VALUE);
    }

    /** A runner that uses at most {@code maxWorkers} workers (tests). */
    ChainRunner(ImageEncoder encoder, int maxWorkers) {
        this.encoder = encoder;
        this.maxWorkers = maxWorkers;
    }

    /**
     * Runs {@code chain} on {@code original}, which is not modified (the caller keeps it, so it is
     * never released; the processor hands its decoded image over with {@link #run(Original, OperationChain, OutputKeys, OutputOptions, OutputSink)}).
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
        return run(new Original(original), chain, keys, options, sink);
    }

    /**
     * Runs {@code chain} on the {@code original} handed over, which is not modified and is released
     * once its last reader has read it, writing outputs with {@code options}.
     *
     * @param keys names the outputs and gives their format
     */
    public ChainOutputs run(Original original, OperationChain chain, OutputKeys keys, OutputOptions options, OutputSink sink) {
        Map<String, OutputFile> files = new ConcurrentHashMap<>();
        ChainOutputs outputs = runListed(original, chain, keys, options, sink, files);
        List<OutputFile> listed = new ArrayList<>();
        listed.add(files.get(outputs.combined()));
        outputs.independent().forEach(key -> listed.add(files.get(key)));
        return new ChainOutputs(outputs.combined(), outputs.independent(), outputs.combinedMs(), outputs.independentMs(),
                outputs.workers(), listed);
    }

    private ChainOutputs runListed(Original original, OperationChain chain, OutputKeys keys, OutputOptions options, OutputSink sink,
                                   Map<String, OutputFile> files) {
        long start = System.nanoTime();
        String combinedKey = keys.combined();
        List<ChainStep> steps = chain.steps();
        int tasks = Math.max(1, steps.size()); // the combined chain (with the first independent output) and the other independent outputs
        original.expectReaders(tasks); // each task reads the original once
        // Workers counts three images a worker; a step may declare more (a blur holds planes besides its result)
        long imageBytes = Math.max(original.size().pixels() * 4, ChainPlan.workerBytes(original.size(), steps, keys.format()) / 3);
        int workers = steps.isEmpty() ? 1 : Math.min(maxWorkers, Workers.count(tasks, imageBytes));
        List<String> independent = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            independent.add(keys.independent(i + 1, steps.get(i).name()));
        }
        if (workers <= 1) {
            // the other independent outputs first: the combined chain's first step is then the original's last reader
            for (int i = 1; i < steps.size(); i++) {
                independent(original, steps.get(i), independent.get(i), keys, options, sink, files);
            }
            long independentDone = System.nanoTime();
            combined(original, steps, combinedKey, independent, keys, options, sink, files);
            return new ChainOutputs(combinedKey, independent, millis(System.nanoTime() - independentDone), millis(independentDone - start),
                    steps.isEmpty() ? 0 : 1, List.of());
        }
        // the combined chain is the first task, so that its encoding overlaps the independent steps
        ExecutorService pool = Executors.newFixedThreadPool(workers, DaemonThreads.named("worker"));
        Cancellation cancellation = Cancellation.current(); // the workers' steps check the request's cancellation too
        try {
            Future<Long> combined = pool.submit(() -> cancellation.run(() -> {
                combined(original, steps, combinedKey, independent, keys, options, sink, files);
                return System.nanoTime();
            }));
            List<Future<?>> futures = new ArrayList<>(steps.size());
            for (int i = 1; i < steps.size(); i++) {
                ChainStep step = steps.get(i);
                String key = independent.get(i);
                futures.add(pool.submit(() -> cancellation.run(() -> {
                    independent(original, step, key, keys, options, sink, files);
                    return key;
                })));
            }
            long combinedDone = await(combined);
            for (Future<?> future : futures) {
                await(future);
            }
            return new ChainOutputs(combinedKey, independent, millis(combinedDone - start), millis(System.nanoTime() - start), workers, List.of());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The combined output: the first step reads the original (the empty chain encodes it) and its
     * result is also the first independent output; the other steps read the previous result.
     */
    private void combined(Original original, List<ChainStep> steps, String key, List<String> independent, OutputKeys keys,
                          OutputOptions options, OutputSink sink, Map<String, OutputFile> files) {
        if (steps.isEmpty()) {
            store(original.read(UnaryOperator.identity()), List.of(key), keys, options, sink, files);
            return;
        }
        BufferedImage current = original.read(steps.get(0)::apply);
        if (steps.size() == 1) {
            store(current, List.of(independent.get(0), key), keys, options, sink, files); // one image, one encoding, both keys
            return;
        }
        store(current, List.of(independent.get(0)), keys, options, sink, files);
        for (int i = 1; i < steps.size(); i++) {
            current = steps.get(i).apply(current);
        }
        store(current, List.of(key), keys, options, sink, files);
    }

    /** The independent output of {@code step}, applied to the original. */
    private void independent(Original original, ChainStep step, String key, OutputKeys keys, OutputOptions options, OutputSink sink,
                             Map<String, OutputFile> files) {
        store(original.read(step::apply), List.of(key), keys, options, sink, files);
    }

    /** Encodes {@code result} once and hands the bytes to the sink under each of {@code outputKeys}. */
    private void store(BufferedImage result, List<String> outputKeys, OutputKeys keys, OutputOptions options, OutputSink sink,
                       Map<String, OutputFile> files) {
        EncodedImage encoded = encoder.encode(result, keys.format(), options);
        for (String key : outputKeys) {
            sink.accept(key, encoded);
            files.put(key, new OutputFile(key, encoded.format().id(), result.getWidth(), result.getHeight(), encoded.length()));
        }
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

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}

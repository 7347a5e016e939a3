package dev.pixelstep.asl.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.StatesFailure;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the branches of a Parallel state or the iterations of a Map state concurrently on the executor, at most
 * {@code maxConcurrency} at a time (0: all at once), and collects their results in order. The first failure stops
 * (interrupts) the others; it is rethrown once every worker has finished.
 */
final class ConcurrentBranches {

    private ConcurrentBranches() {
    }

    static List<JsonNode> run(ExecutorService executor, ThreadRegistry executionThreads,
                              List<Callable<JsonNode>> work, int maxConcurrency) {
        int count = work.size();
        JsonNode[] results = new JsonNode[count];
        if (count == 0) {
            return List.of();
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ThreadRegistry group = new ThreadRegistry();
        int workers = maxConcurrency <= 0 ? count : Math.min(count, maxConcurrency);
        ExecutorCompletionService<Void> completion = new ExecutorCompletionService<>(executor);
        for (int w = 0; w < workers; w++) {
            completion.submit(() -> {
                group.register();
                executionThreads.register();
                try {
                    while (!stop.get()) {
                        int index = next.getAndIncrement();
                        if (index >= count) {
                            break;
                        }
                        results[index] = work.get(index).call();
                    }
                    return null;
                } finally {
                    executionThreads.unregister();
                    group.unregister();
                    Thread.interrupted();
                }
            });
        }
        Throwable failure = null;
        boolean interrupted = false;
        for (int finished = 0; finished < workers; ) {
            Future<Void> done;
            try {
                done = completion.take();
            } catch (InterruptedException e) {
                interrupted = true;
                stop.set(true);
                group.interruptAll();
                continue;
            }
            finished++;
            try {
                done.get();
            } catch (ExecutionException e) {
                if (failure == null || failure instanceof ExecutionStoppedException) {
                    failure = e.getCause();
                }
                stop.set(true);
                group.interruptAll();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new ExecutionStoppedException();
        }
        if (failure != null) {
            throw rethrowable(failure);
        }
        return Arrays.asList(results);
    }

    private static RuntimeException rethrowable(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new StatesFailure(ErrorNames.RUNTIME, String.valueOf(failure));
    }
}

package dev.pixelstep.operations.raster;

import dev.pixelstep.spi.Cancellation;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Splits work over {@code [0, count)} into contiguous bands that run in parallel when the work is
 * large. Each band must write only its own part of the output, so the result never depends on
 * the number of threads or their order.
 *
 * <p>The calling thread works too: it and up to the common {@code ForkJoinPool}'s parallelism of
 * helpers take the next band not yet taken until none is left, and the call returns when every
 * band taken has ended. The caller waits parked for bands still running elsewhere, never spinning:
 * a parallel stream started from a thread outside the pool (the processor's workers, the
 * functions' request threads) left that thread scanning the pool's queues at full speed until the
 * stream ended on JDK 17 (9% of the job benchmark's CPU samples on 2 CPUs,
 * {@code benchmarks/README.md}).
 *
 * <p>The calling thread's {@link Cancellation#current()} is captured when the work starts and
 * checked before every band (neither thread locals nor interrupts of the calling thread reach the
 * pool's threads), so cancelled work stops within a band. The first failure of a band is thrown to
 * the caller once every band taken has ended; bands not yet taken then do not start.
 */
public final class Bands {

    /** Below this many pixels the work runs on the calling thread. */
    public static final long PARALLEL_THRESHOLD = 1 << 16;

    /**
     * Threads of the common pool that may help: none when its parallelism is set to 0, where it
     * runs no task handed to it (and {@link ForkJoinPool#getCommonPoolParallelism()} still says 1).
     */
    private static final int POOL_THREADS = "0".equals(System.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism"))
            ? 0 : ForkJoinPool.getCommonPoolParallelism();

    private Bands() {
    }

    /** Work on the half-open range {@code [from, to)}. */
    @FunctionalInterface
    public interface Band {
        /** Processes items {@code from} (inclusive) to {@code to} (exclusive). */
        void run(int from, int to);
    }

    /**
     * Runs {@code band} over {@code [0, count)}, in parallel bands when {@code pixels} (the total
     * work, in pixels) reaches {@link #PARALLEL_THRESHOLD}.
     */
    public static void run(int count, long pixels, Band band) {
        int bands = bands(count, pixels);
        each(bands, b -> band.run((int) ((long) count * b / bands), (int) ((long) count * (b + 1) / bands)));
    }

    /**
     * Runs {@code task} for every index of {@code [0, tasks)}, in parallel when there is more than
     * one: the calling thread and the common pool's threads take the indexes in turn. Returns when
     * every task has ended; throws the first failure (tasks not yet started then do not start).
     */
    public static void each(int tasks, IntConsumer task) {
        Cancellation cancellation = Cancellation.current();
        cancellation.check();
        if (tasks <= 1) {
            if (tasks == 1) {
                task.accept(0);
            }
            return;
        }
        Work work = new Work(tasks, task, cancellation);
        for (int i = Math.min(tasks - 1, POOL_THREADS); i > 0; i--) {
            ForkJoinPool.commonPool().execute(work);
        }
        work.run();
        work.await();
    }

    /**
     * How many bands {@link #run} splits {@code count} items of {@code pixels} work into on this
     * machine (four per processor, at most one per item): kernels that allocate buffers per band
     * declare their memory by it.
     */
    public static int bands(int count, long pixels) {
        return pixels < PARALLEL_THRESHOLD ? 1 : Math.max(1, Math.min(count, 4 * Runtime.getRuntime().availableProcessors()));
    }

    /** The tasks of one {@link #each} call; every thread that runs it takes tasks until none is left. */
    private static final class Work implements Runnable {
        private final int tasks;
        private final IntConsumer task;
        private final Cancellation cancellation;
        private final AtomicInteger next = new AtomicInteger();
        /** Counts the tasks down as they end (run, or skipped after a failure). */
        private final CountDownLatch ended;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Work(int tasks, IntConsumer task, Cancellation cancellation) {
            this.tasks = tasks;
            this.task = task;
            this.cancellation = cancellation;
            this.ended = new CountDownLatch(tasks);
        }

        @Override
        public void run() {
            for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        cancellation.check();
                        task.accept(t);
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    ended.countDown();
                }
            }
        }

        /**
         * Waits parked, through interrupts (kept), until every task has ended, then throws the first
         * failure. A latch rather than a future's join: on a pool thread (bands within a band) the
         * join would have the pool add a spare thread while it waits.
         */
        void await() {
            boolean interrupted = false;
            while (true) {
                try {
                    ended.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable thrown = failure.get();
            if (thrown instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (thrown != null) {
                throw (Error) thrown;
            }
        }
    }
}

package dev.pixelstep.functions.internal.processor;

import dev.pixelstep.functions.internal.concurrent.DaemonThreads;
import dev.pixelstep.functions.internal.image.EncodedImage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Hands one request's encoded outputs to a sink (the output bucket) on threads of its own, so that
 * a worker goes on with its next step while its last output uploads: on Lambda a PutObject of a
 * few megabytes waits tens of milliseconds for the network, time the function is billed for.
 *
 * <p>An encoded output waiting for its upload stays on the heap beside the next step, which the
 * chain's plan does not count; so an output goes to the background only while the heap keeps
 * {@code reserveBytes} free besides it (the caller passes what the rest of the request may still
 * need), and is otherwise uploaded on the calling thread, as without this class. The free heap is
 * measured at each output; garbage not yet collected counts as used, which errs towards uploading
 * in the foreground.
 *
 * <p>{@link #finish} waits for every upload and rethrows the first failure, with its own type. The
 * first failure also stops later outputs (their {@link #accept} rethrows it). {@link #close} after
 * a failure elsewhere waits for the uploads already running, so that none completes after the
 * request has ended (on Lambda a frozen instance would finish it later, after the state machine
 * deleted the failed run's outputs), and drops those not started. Thread-safe.
 */
final class BackgroundUploads implements OutputSink, AutoCloseable {

    private final OutputSink target;
    private final long reserveBytes;
    private final int threads;
    private final Object lock = new Object();
    /** Started on the first background upload; guarded by {@link #lock}. */
    private ExecutorService uploader;
    /** Uploads handed to the background and not yet ended; guarded by {@link #lock}. */
    private int pending;
    /** The first upload's failure (a RuntimeException or an Error); guarded by {@link #lock}. */
    private Throwable failure;
    /** Set by {@link #close}; later outputs upload on their caller; guarded by {@link #lock}. */
    private boolean closed;

    /**
     * @param target       where the bytes go; called from the uploading threads and the callers'
     * @param reserveBytes the heap to keep free besides the outputs waiting for their upload
     * @param threads      uploads running at once (at least 1)
     */
    BackgroundUploads(OutputSink target, long reserveBytes, int threads) {
        this.target = target;
        this.reserveBytes = reserveBytes;
        this.threads = Math.max(1, threads);
    }

    /**
     * Uploads {@code image} under {@code key}, in the background when the heap affords it.
     *
     * @throws RuntimeException the first earlier upload's failure, if one failed
     */
    @Override
    public void accept(String key, EncodedImage image) {
        boolean background;
        synchronized (lock) {
            rethrow();
            background = !closed && affords(image.heldBytes());
            if (background) { // not closed, so the uploader is not shut down
                pending++;
                uploader().execute(() -> upload(key, image));
            }
        }
        if (!background) {
            // below the reserve, or closing: the caller waits for its own upload, as it would without this class
            target.accept(key, image);
        }
    }

    /** Waits for every upload handed to the background, then rethrows the first failure, if any. */
    void finish() {
        synchronized (lock) {
            awaitPending();
            rethrow();
        }
    }

    /**
     * Drops uploads not started, waits for those running and stops the threads; failures are left
     * to {@link #finish} (after a failure elsewhere, that failure is the request's).
     */
    @Override
    public void close() {
        ExecutorService running;
        synchronized (lock) {
            closed = true;
            running = uploader;
        }
        if (running == null) {
            return;
        }
        int dropped = running.shutdownNow().size();
        synchronized (lock) {
            pending -= dropped;
            awaitPending();
        }
    }

    private void upload(String key, EncodedImage image) {
        try {
            target.accept(key, image);
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                if (failure == null) {
                    failure = e;
                }
            }
        } finally {
            synchronized (lock) {
                pending--;
                lock.notifyAll();
            }
        }
    }

    private boolean affords(long bytes) {
        return FreeHeap.bytes() - bytes >= reserveBytes;
    }

    private ExecutorService uploader() {
        if (uploader == null) {
            uploader = Executors.newFixedThreadPool(threads, DaemonThreads.named("upload"));
        }
        return uploader;
    }

    /** Waits, holding {@link #lock}, until no upload is pending; keeps the interrupt for the caller. */
    private void awaitPending() {
        boolean interrupted = false;
        while (pending > 0) {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() {
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
    }
}

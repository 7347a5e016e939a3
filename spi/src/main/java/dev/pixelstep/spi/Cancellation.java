package dev.pixelstep.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Cooperative cancellation of the work of one request: a deadline, the thread that started the
 * work, and an explicit {@link #cancel()}. Work is cancelled when the deadline passes, when that
 * thread is interrupted, or when {@code cancel()} is called.
 *
 * <h2>How it reaches pixel loops</h2>
 * The functions start a request's work inside {@link #run(Supplier)}, which makes this object the
 * {@linkplain #current() current cancellation} of the calling thread. Every
 * {@link dev.pixelstep.spi.chain.ChainStep} checks it before it applies its operation. Code that
 * splits work across threads (such as parallel streams on the common {@code ForkJoinPool}, where
 * neither thread locals nor interrupts of the calling thread arrive) captures
 * {@code Cancellation.current()} on the calling thread and calls {@link #check()} in each band of
 * rows; long single-threaded loops call {@code check()} every few rows. A check costs a
 * {@link System#nanoTime()} call and two field reads.
 *
 * <p>Outside {@code run}, {@link #current()} is {@link #none()}, which is never cancelled, so
 * operations behave the same in tests and tools. Thread-safe.
 */
public final class Cancellation {

    private static final Cancellation NONE = new Cancellation(Long.MAX_VALUE, false, null);
    private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();

    private final long deadlineNanos;
    private final boolean hasDeadline;
    private final Thread owner;
    private volatile boolean cancelled;

    private Cancellation(long deadlineNanos, boolean hasDeadline, Thread owner) {
        this.deadlineNanos = deadlineNanos;
        this.hasDeadline = hasDeadline;
        this.owner = owner;
    }

    /** The cancellation that never happens. */
    public static Cancellation none() {
        return NONE;
    }

    /**
     * A cancellation whose deadline is {@code remaining} from now, owned by the calling thread
     * (interrupting that thread cancels the work too).
     */
    public static Cancellation after(Duration remaining) {
        Objects.requireNonNull(remaining, "remaining");
        long nanos = remaining.isNegative() ? 0 : saturatedNanos(remaining);
        long now = System.nanoTime();
        long deadline = Long.MAX_VALUE - now < nanos ? Long.MAX_VALUE : now + nanos;
        return new Cancellation(deadline, true, Thread.currentThread());
    }

    /** A cancellation without a deadline, owned by the calling thread: only an interrupt or {@link #cancel()} ends the work. */
    public static Cancellation ofCurrentThread() {
        return new Cancellation(Long.MAX_VALUE, false, Thread.currentThread());
    }

    /** The cancellation of the work running on this thread, or {@link #none()} outside {@link #run}. */
    public static Cancellation current() {
        Cancellation current = CURRENT.get();
        return current == null ? NONE : current;
    }

    /**
     * Runs {@code work} on this thread with this object as the {@linkplain #current() current
     * cancellation}, restoring the previous one afterwards. Threads that work for the same request
     * (a pool of workers) call it too, so that their steps see the same cancellation.
     */
    public <T> T run(Supplier<T> work) {
        Cancellation previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Cancels the work: every later {@link #check()} throws. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether the work is cancelled: {@link #cancel()} was called, the deadline passed, or the owning thread was interrupted. */
    public boolean isCancelled() {
        return cancelled || (hasDeadline && System.nanoTime() - deadlineNanos >= 0) || (owner != null && owner.isInterrupted());
    }

    /**
     * Returns normally unless the work is cancelled.
     *
     * @throws OperationCancelledException if it is, saying why
     */
    public void check() {
        if (this == NONE) {
            return;
        }
        if (cancelled) {
            throw new OperationCancelledException("the work was cancelled");
        }
        if (hasDeadline && System.nanoTime() - deadlineNanos >= 0) {
            throw new OperationCancelledException("the work's deadline passed");
        }
        if (owner != null && owner.isInterrupted()) {
            throw new OperationCancelledException("the thread that started the work (" + owner.getName() + ") was interrupted");
        }
    }

    /** Time left until the deadline, zero once it has passed; {@code null} without a deadline. */
    public Duration remaining() {
        if (!hasDeadline) {
            return null;
        }
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        if (this == NONE) {
            return "Cancellation[none]";
        }
        Duration left = remaining();
        return "Cancellation[" + (left == null ? "no deadline" : left.toMillis() + " ms left")
                + (cancelled ? ", cancelled" : "") + "]";
    }
}

package dev.pixelstep.local.web;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Request;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request headers take longer than a limit from their first byte to
 * their last (a client trickling one header byte at a time keeps within any idle timeout, and
 * Jetty has no such limit of its own). The sweep runs every {@value #SWEEP_MILLIS} ms over every
 * open connection and reads Jetty's per-connection counters: bytes have arrived since the last
 * request, no request's headers have completed since ({@link Connection#getMessagesIn()} counts
 * them), and no request is {@link #inHand in hand}, where the bytes would be its body.
 */
final class HeaderDeadline implements Connection.Listener, AutoCloseable {

    static final long SWEEP_MILLIS = 250;

    /** What the sweep knows of one connection. */
    private static final class Watch {
        int inHand;
        long messages;
        long bytes;
        long partialSince;

        synchronized void settle(Connection connection) {
            messages = connection.getMessagesIn();
            bytes = connection.getBytesIn();
            partialSince = 0;
        }
    }

    private final long limitNanos;
    private final Map<Connection, Watch> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    HeaderDeadline(Duration limit) {
        this.limitNanos = limit.toNanos();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pixelstep-web-header-deadline");
            thread.setDaemon(true);
            return thread;
        });
        var unused = sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS); // stopped with the executor
    }

    @Override
    public void onOpened(Connection connection) {
        Watch watch = new Watch();
        watch.settle(connection);
        watches.put(connection, watch);
    }

    @Override
    public void onClosed(Connection connection) {
        watches.remove(connection);
    }

    /** The request's headers are complete: until it ends, what arrives on its connection is its body. */
    void inHand(Request request) {
        Connection connection = request.getConnectionMetaData().getConnection();
        Watch watch = watches.get(connection);
        if (watch == null) {
            return;
        }
        synchronized (watch) {
            watch.inHand++;
        }
        Request.addCompletionListener(request, failure -> {
            synchronized (watch) {
                watch.inHand--;
                watch.settle(connection);
            }
        });
    }

    private void sweep() {
        long now = System.nanoTime();
        watches.forEach((connection, watch) -> {
            boolean late;
            synchronized (watch) {
                if (watch.inHand > 0 || connection.getMessagesIn() != watch.messages) {
                    watch.settle(connection);
                    return;
                }
                if (connection.getBytesIn() == watch.bytes) {
                    return; // idle between requests: the idle timeout's business
                }
                if (watch.partialSince == 0) {
                    watch.partialSince = now;
                }
                late = now - watch.partialSince > limitNanos;
            }
            if (late) {
                connection.close();
            }
        });
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        watches.clear();
    }
}

package dev.pixelstep.local.web;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * Reads an upload's body into a temporary file as it arrives, holding no thread while the client
 * is slow: each chunk is read when Jetty has one ({@link Request#demand}). The size is counted as
 * it streams; past the limit the rest is read and dropped (up to {@value #DRAIN_BYTES} bytes) so
 * the client hears the 413 instead of a reset. An upload must end within the upload timeout, and
 * after the grace period keep an average of at least the minimum rate; a client that stops
 * sending is closed by the connection's idle timeout, which ends the read here with a failure.
 */
final class UploadBody implements Runnable {

    /** The body, complete, in a temporary file the caller then owns. */
    record Received(Path file, long size) {
    }

    /** How many bytes past the limit are still read (and dropped) so the client hears the 413. */
    static final long DRAIN_BYTES = 8L * 1024 * 1024;

    private final Request request;
    private final long maxBytes;
    private final WebServer.Limits limits;
    private final Path file;
    private final FileChannel out;
    private final long started = System.nanoTime();
    private final CompletableFuture<Received> result = new CompletableFuture<>();
    private long size;

    private UploadBody(Request request, long maxBytes, WebServer.Limits limits, Path file, FileChannel out) {
        this.request = request;
        this.maxBytes = maxBytes;
        this.limits = limits;
        this.file = file;
        this.out = out;
    }

    /** Starts reading; the future completes with the body, or with an {@link ApiException} (the file then deleted). */
    static CompletableFuture<Received> read(Request request, long maxBytes, WebServer.Limits limits) {
        Path file;
        FileChannel out;
        try {
            file = Files.createTempFile("pixelstep-upload-", ".bin");
            out = FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the upload", e);
        }
        UploadBody body = new UploadBody(request, maxBytes, limits, file, out);
        body.run();
        return body.result;
    }

    @Override
    public void run() {
        try {
            while (!result.isDone()) {
                long elapsed = System.nanoTime() - started;
                if (elapsed > limits.uploadTimeout().toNanos()) {
                    fail(408, "the upload took longer than " + describe(limits.uploadTimeout()) + "; try again on a faster connection");
                    return;
                }
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    Throwable failure = chunk.getFailure();
                    fail(failure instanceof TimeoutException ? 408 : 400, "the upload stopped before its end"
                            + (failure instanceof TimeoutException ? ": nothing arrived for " + describe(limits.idleTimeout()) : ""));
                    return;
                }
                boolean last = chunk.isLast();
                try {
                    ByteBuffer bytes = chunk.getByteBuffer();
                    size += bytes.remaining();
                    if (size <= maxBytes) {
                        while (bytes.hasRemaining()) {
                            out.write(bytes);
                        }
                    }
                } finally {
                    chunk.release();
                }
                if (size > maxBytes && (last || size > maxBytes + DRAIN_BYTES)) {
                    fail(413, "the image is larger than " + maxBytes / (1024 * 1024) + " MB (" + maxBytes + " bytes), the most the pipeline accepts");
                    return;
                }
                if (last) {
                    out.close();
                    result.complete(new Received(file, size));
                    return;
                }
                if (elapsed > limits.uploadGrace().toNanos() && size * 1_000_000_000.0 / elapsed < limits.minUploadRate()) {
                    fail(408, "the upload arrives slower than " + limits.minUploadRate() / 1024 + " KB/s; try again on a faster connection");
                    return;
                }
            }
        } catch (IOException e) {
            fail(500, "cannot keep the upload in a temporary file: " + e.getMessage());
        } catch (RuntimeException e) {
            discard();
            result.completeExceptionally(e);
        }
    }

    private static String describe(Duration duration) {
        return duration.toSeconds() >= 120 ? duration.toMinutes() + " minutes" : duration.toSeconds() + " s";
    }

    private void fail(int status, String message) {
        discard();
        result.completeExceptionally(new ApiException(status, message));
    }

    private void discard() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file; the OS cleans it up eventually
        }
    }
}

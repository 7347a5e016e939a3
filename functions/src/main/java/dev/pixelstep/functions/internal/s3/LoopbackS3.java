package dev.pixelstep.functions.internal.s3;

import dev.pixelstep.functions.internal.concurrent.DaemonThreads;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for S3 on the loopback interface, for priming only: every HEAD and GET is answered
 * with one small object ({@link #BODY}, with an ETag, a content type and user metadata), every PUT
 * with an ETag, anything else with 400. It reads what a client sends (headers up to
 * {@value #MAX_HEAD} bytes, bodies by {@code Content-Length} or chunked) and nothing more, so that
 * the SDK's requests go through the whole pipeline, the HTTP client and the JDK's sockets included,
 * and their responses through the SDK's unmarshalling, without any network. One connection at a
 * time, each socket read bounded by a timeout; every response closes its connection, so that no
 * kept-alive socket to this port outlives the priming (and lands in a snapshot); {@link #close}
 * stops it.
 */
final class LoopbackS3 implements AutoCloseable {

    /** The object every HEAD and GET describes. */
    static final byte[] BODY = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /** The ETag of {@link #BODY} and of every PUT. */
    static final String ETAG = "\"0123456789abcdef0123456789abcdef\"";

    private static final int MAX_HEAD = 16 * 1024;
    private static final int TIMEOUT_MILLIS = 5_000;
    private static final String OBJECT_HEADERS = "ETag: " + ETAG + "\r\n"
            + "Last-Modified: Fri, 27 Nov 2026 00:00:00 GMT\r\nContent-Type: image/jpeg\r\nAccept-Ranges: bytes\r\n"
            + "x-amz-meta-operations: grayscale\r\nConnection: close\r\n";

    private final ServerSocket server;
    private final AtomicInteger answered = new AtomicInteger();

    private LoopbackS3(ServerSocket server) {
        this.server = server;
    }

    /** Listens on an ephemeral loopback port and serves on a daemon thread. */
    static LoopbackS3 start() {
        try {
            ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
            LoopbackS3 s3 = new LoopbackS3(server);
            DaemonThreads.named("priming-s3").newThread(s3::serve).start();
            return s3;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on the loopback interface for priming", e);
        }
    }

    /** Where to send requests ({@code http://127.0.0.1:<port>}, path-style). */
    URI endpoint() {
        return URI.create("http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort());
    }

    /** Requests answered so far. */
    int answered() {
        return answered.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) { // one request a connection: every response closes it
                socket.setSoTimeout(TIMEOUT_MILLIS);
                InputStream in = socket.getInputStream();
                String head = head(in);
                if (head == null) {
                    continue;
                }
                String lower = head.toLowerCase(Locale.ROOT);
                String method = head.substring(0, Math.max(0, head.indexOf(' ')));
                skipBody(in, lower);
                answered.incrementAndGet(); // before the response: a client that has it finds it counted
                OutputStream out = socket.getOutputStream();
                out.write(response(method, lower).getBytes(StandardCharsets.US_ASCII));
                if ("GET".equals(method)) {
                    out.write(BODY);
                }
                out.flush();
            } catch (IOException | RuntimeException e) {
                // closed (the loop ends), or a client that went away, reset its connection or sent something else
            }
        }
    }

    /** The response's head for a request with {@code method} and the lower-cased head {@code lower}. */
    private static String response(String method, String lower) {
        return switch (method) {
            case "HEAD" -> "HTTP/1.1 200 OK\r\n" + OBJECT_HEADERS + "Content-Length: " + BODY.length + "\r\n\r\n";
            case "GET" -> (lower.contains("\nrange:")
                    ? "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-" + (BODY.length - 1) + "/" + BODY.length + "\r\n"
                    : "HTTP/1.1 200 OK\r\n") + OBJECT_HEADERS + "Content-Length: " + BODY.length + "\r\n\r\n";
            case "PUT" -> "HTTP/1.1 200 OK\r\nETag: " + ETAG + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            default -> "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        };
    }

    /** The request line and headers up to the blank line, or null at the end of the stream. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (bytes.size() == 0) {
                    return null;
                }
                throw new IOException("the request ended inside its headers");
            }
            bytes.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            if (bytes.size() > MAX_HEAD) {
                throw new IOException("request headers over " + MAX_HEAD + " bytes");
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    /** Reads past the body the lower-cased head {@code lower} announces (chunked, by length, or none). */
    private static void skipBody(InputStream in, String lower) throws IOException {
        if (lower.contains("\ntransfer-encoding: chunked")) {
            long size;
            do {
                String line = line(in);
                int extension = line.indexOf(';');
                size = Long.parseLong((extension < 0 ? line : line.substring(0, extension)).strip(), 16);
                in.skipNBytes(size);
                line(in); // the CRLF after the data, or the (empty) trailer's end
            } while (size > 0);
            return;
        }
        int at = lower.indexOf("\ncontent-length:");
        if (at >= 0) {
            int end = lower.indexOf('\r', at);
            in.skipNBytes(Long.parseLong(lower.substring(at + "\ncontent-length:".length(), end).strip()));
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
            if (line.length() > MAX_HEAD) {
                throw new IOException("a chunk line over " + MAX_HEAD + " bytes");
            }
        }
        return line.toString();
    }
}

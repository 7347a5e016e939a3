package dev.pixelstep.testkit.net;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 forwarding proxy on 127.0.0.1 that puts faults between a client and a real server,
 * for integration tests of retries: point an S3 client's endpoint at {@link #endpoint()} instead
 * of the server's (S3Proxy, say), then {@linkplain #inject inject} a fault for the requests that
 * match. Unmatched requests reach the server byte for byte (the {@code Host} header is kept, so
 * signed requests stay valid). Every request is recorded, so a test can also see which calls a
 * client made ({@link #requests()}).
 *
 * <p>One request per connection: the proxy asks the server to close after its answer, so a
 * client's next request arrives on a new connection. Faults: {@link Fault#SLOW_DOWN} (S3's
 * {@code 503 SlowDown}), {@link Fault#INTERNAL_ERROR} ({@code 500 InternalError}) and
 * {@link Fault#RESET} (the connection is reset without an answer) and {@link Fault#GARBLED} (a
 * {@code 200} whose body cannot be parsed). Thread-safe; close it when done.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    /** What a faulted request gets. */
    public enum Fault {
        /** {@code 503 Slow Down} with S3's {@code SlowDown} error document: throttling. */
        SLOW_DOWN(503, "Slow Down", "SlowDown", "Please reduce your request rate."),
        /** {@code 500 Internal Server Error} with S3's {@code InternalError} document. */
        INTERNAL_ERROR(500, "Internal Server Error", "InternalError", "We encountered an internal error. Please try again."),
        /** The connection is reset (TCP RST) before any answer: a network fault. */
        RESET(0, "", "", ""),
        /** {@code 200 OK} whose body is not the XML S3 sends: an answer no retry can make readable. */
        GARBLED(200, "OK", "", "");

        private final int status;
        private final String reason;
        private final String code;
        private final String message;

        Fault(int status, String reason, String code, String message) {
            this.status = status;
            this.reason = reason;
            this.code = code;
            this.message = message;
        }
    }

    /**
     * One request as the proxy saw it.
     *
     * @param method  the HTTP method
     * @param target  the request target, e.g. {@code /bucket/key?x-id=GetObject}, as sent (URL-encoded)
     * @param headers the headers, names in lower case
     */
    public record Request(String method, String target, Map<String, String> headers) {

        /** The target's path without the query, percent-decoded. */
        public String path() {
            try {
                return new URI(target).getPath();
            } catch (java.net.URISyntaxException e) {
                int query = target.indexOf('?');
                return query < 0 ? target : target.substring(0, query);
            }
        }

        /** A header's value, or {@code null}. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return method + " " + target + (header("range") == null ? "" : " (" + header("range") + ")");
        }
    }

    private record Rule(Predicate<Request> when, Fault fault) {
    }

    private final ServerSocket server;
    private final URI upstream;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread t = new Thread(runnable, "fault-injecting-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger faulted = new AtomicInteger();
    private volatile Rule rule;

    private FaultInjectingProxy(ServerSocket server, URI upstream) {
        this.server = server;
        this.upstream = upstream;
    }

    /** Starts a proxy to {@code upstream} ({@code http://host:port}) on an ephemeral port of 127.0.0.1. */
    public static FaultInjectingProxy start(URI upstream) {
        try {
            FaultInjectingProxy proxy = new FaultInjectingProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), upstream);
            proxy.threads.execute(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the proxy's port", e);
        }
    }

    /** The proxy's address, {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** From now on, answers every request that matches {@code when} with {@code fault}, until {@link #heal()}. */
    public void inject(Predicate<Request> when, Fault fault) {
        rule = new Rule(when, fault);
    }

    /** Stops injecting faults: every request reaches the server again. */
    public void heal() {
        rule = null;
    }

    /** How many requests got a fault so far. */
    public int faulted() {
        return faulted.get();
    }

    /** Every request seen so far, in order of arrival. */
    public List<Request> requests() {
        return Collections.unmodifiableList(new ArrayList<>(requests));
    }

    /** A predicate: requests with this method whose decoded path ends with {@code suffix}. */
    public static Predicate<Request> method(String method, String suffix) {
        return r -> r.method().equals(method) && r.path().endsWith(suffix);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            Request request = parse(head);
            requests.add(request);
            Rule current = rule;
            if (current != null && current.when().test(request)) {
                faulted.incrementAndGet();
                answer(client, request, current.fault());
                return;
            }
            forward(client, in, head);
        } catch (IOException e) {
            // the client or the server went away; nothing to report to anyone
        }
    }

    private static void answer(Socket client, Request request, Fault fault) throws IOException {
        if (fault == Fault.RESET) {
            client.setSoLinger(true, 0); // close() now sends a reset
            return;
        }
        byte[] body = (fault == Fault.GARBLED ? "<ListBucketResult><Contents><Key>\u0001</Key"
                : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + fault.code + "</Code><Message>" + fault.message
                + "</Message><RequestId>fault-injecting-proxy</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        boolean head = request.method().equals("HEAD");
        String response = "HTTP/1.1 " + fault.status + " " + fault.reason + "\r\nContent-Type: application/xml\r\nContent-Length: "
                + body.length + "\r\nx-amz-request-id: fault-injecting-proxy\r\nConnection: close\r\n\r\n";
        OutputStream out = client.getOutputStream();
        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(body);
        }
        out.flush();
    }

    private void forward(Socket client, InputStream in, byte[] head) throws IOException {
        try (Socket server = new Socket(upstream.getHost(), upstream.getPort())) {
            OutputStream toServer = server.getOutputStream();
            toServer.write(withConnectionClose(head));
            toServer.flush();
            // the body (and anything after an Expect: 100-continue) flows while the answer comes back
            threads.execute(() -> {
                try {
                    in.transferTo(toServer);
                } catch (IOException e) {
                    // either side closed
                }
            });
            server.getInputStream().transferTo(client.getOutputStream());
            client.getOutputStream().flush();
        }
    }

    private static byte[] withConnectionClose(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n");
        StringBuilder out = new StringBuilder(lines[0]).append("\r\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isEmpty() && !lines[i].toLowerCase(Locale.ROOT).startsWith("connection:")) {
                out.append(lines[i]).append("\r\n");
            }
        }
        return out.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Request parse(byte[] head) {
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] start = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return new Request(start[0], start.length > 1 ? start[1] : "/", Map.copyOf(headers));
    }

    /** The request line and headers up to and including the blank line; {@code null} if the client sent nothing. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return head.size() == 0 ? null : head.toByteArray();
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1
                    : b == '\r' ? 1 : 0;
            if (head.size() > 64 * 1024) {
                throw new IOException("request head larger than 64 KB");
            }
        }
        return head.toByteArray();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
        threads.shutdownNow();
    }
}

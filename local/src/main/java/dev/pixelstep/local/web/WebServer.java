package dev.pixelstep.local.web;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The web page and its JSON API, served by the JDK's HTTP server: upload an image with a chain of
 * operations, watch the workflow, compare the results. Binds to loopback unless told otherwise.
 */
public final class WebServer implements AutoCloseable {

    /** The default port of the page. */
    public static final int DEFAULT_PORT = 8080;
    /** The largest upload accepted, as the pipeline's own default limit. */
    public static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService threads;
    private final URI uri;

    private WebServer(HttpServer server, ExecutorService threads, URI uri) {
        this.server = server;
        this.threads = threads;
        this.uri = uri;
    }

    /**
     * Starts serving.
     *
     * @param backend where runs happen; stays owned by the caller
     * @param host    address to bind, normally 127.0.0.1
     * @param port    port to bind, or 0 for a free one
     * @param log     where request failures are reported
     */
    public static WebServer start(Backend backend, String host, int port, PrintStream log) {
        return start(backend, host, port, MAX_UPLOAD_BYTES, log);
    }

    static WebServer start(Backend backend, String host, int port, long maxUploadBytes, PrintStream log) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the web page on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8, runnable -> {
            Thread t = new Thread(runnable, "pixelstep-web-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", new StaticAssets(backend.imageOrigins()));
        server.createContext("/api/", new RunsApi(backend, maxUploadBytes, Clock.systemUTC(), log));
        server.start();
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return new WebServer(server, threads, URI.create("http://" + shownHost + ":" + server.getAddress().getPort() + "/"));
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        return uri;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

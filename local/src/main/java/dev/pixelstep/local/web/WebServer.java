package dev.pixelstep.local.web;

import dev.pixelstep.local.AllowedHosts;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The web page and its JSON API: upload an image with a chain of operations, watch the workflow,
 * compare the results. Served by Jetty, bound to loopback unless told otherwise.
 * <p>
 * Slow clients cost no thread while they are slow: headers and upload bodies are read as they
 * arrive and responses are written without blocking, so threads only do the short work in between.
 * What a slow client may hold is bounded by {@link Limits}. Requests are refused unless their
 * {@code Host} is allowed and, when they change anything, they come from the page itself
 * ({@link RequestGuard}).
 */
public final class WebServer implements AutoCloseable {

    /** The default port of the page. */
    public static final int DEFAULT_PORT = 8080;
    /** The largest upload accepted, as the pipeline's own default limit. */
    public static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;
    /** The largest image in pixels, the functions' default limit ({@code PIXELSTEP_MAX_PIXELS}): the page warns before uploading a larger one. */
    public static final long MAX_PIXELS = 50_000_000L;

    /**
     * What slow or idle clients may hold.
     *
     * @param idleTimeout     no byte read or written for this long closes a connection (headers, bodies, responses)
     * @param headerTimeout   the most a request's headers may take from their first byte to their last
     * @param uploadTimeout   the most an upload's body may take in all
     * @param uploadGrace     how long an upload may arrive slower than {@code minUploadRate} before it must keep up
     * @param minUploadRate   the slowest average upload accepted after the grace, bytes per second
     * @param maxUploads      uploads received at once (each may fill a temporary file up to the upload limit); more get 503
     * @param maxConnections  connections open at once; beyond, new ones wait in the accept queue
     * @param threads         threads for the short work between reads and writes
     */
    record Limits(Duration idleTimeout, Duration headerTimeout, Duration uploadTimeout, Duration uploadGrace, long minUploadRate,
                  int maxUploads, int maxConnections, int threads) {

        /** 50 MB arrive within the upload timeout at {@code 50 MB / 10 min} = 85 KB/s; the minimum rate is well below. */
        static final Limits DEFAULT = new Limits(Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofMinutes(10),
                Duration.ofSeconds(10), 16 * 1024, 8, 512, 24);

        Limits {
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            Objects.requireNonNull(headerTimeout, "headerTimeout");
            Objects.requireNonNull(uploadTimeout, "uploadTimeout");
            Objects.requireNonNull(uploadGrace, "uploadGrace");
        }
    }

    private final Server server;
    private final HeaderDeadline headerDeadline;
    private final URI uri;

    private WebServer(Server server, HeaderDeadline headerDeadline, URI uri) {
        this.server = server;
        this.headerDeadline = headerDeadline;
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
        return start(backend, host, port, MAX_UPLOAD_BYTES, Limits.DEFAULT, log);
    }

    static WebServer start(Backend backend, String host, int port, long maxUploadBytes, Limits limits, PrintStream log) {
        QueuedThreadPool threads = new QueuedThreadPool(limits.threads(), 4);
        threads.setName("pixelstep-web");
        threads.setDaemon(true);
        Server server = new Server(threads);
        server.setStopTimeout(0);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(16 * 1024);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        HeaderDeadline headerDeadline = new HeaderDeadline(limits.headerTimeout());
        connector.addBean(headerDeadline);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));

        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        StaticAssets assets = new StaticAssets(backend.imageOrigins());
        RunsApi api = new RunsApi(backend, maxUploadBytes, limits, Clock.systemUTC(), log);
        server.setHandler(new RequestGuard(AllowedHosts.forBindAddress(host), headerDeadline, new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return Request.getPathInContext(request).startsWith("/api/")
                        ? api.handle(request, response, callback)
                        : assets.handle(request, response, callback);
            }
        }));
        server.setErrorHandler(new JsonErrors());
        try {
            server.start();
        } catch (Exception e) {
            headerDeadline.close();
            try {
                server.stop();
            } catch (Exception ignored) {
                // not started
            }
            String message = "cannot serve the web page on " + host + ":" + port + ": " + e.getMessage();
            throw e instanceof java.io.IOException io ? new UncheckedIOException(message, io) : new IllegalStateException(message, e);
        }
        return new WebServer(server, headerDeadline, URI.create("http://" + shownHost + ":" + connector.getLocalPort() + "/"));
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        return uri;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the web page's server", e);
        } finally {
            headerDeadline.close();
        }
    }
}

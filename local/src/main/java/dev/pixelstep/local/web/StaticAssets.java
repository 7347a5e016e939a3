package dev.pixelstep.local.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The page itself: a fixed set of files bundled under {@code dev/pixelstep/local/web/}, loaded once.
 * Any other path is a 404; no request path ever reaches the file system.
 */
final class StaticAssets implements HttpHandler {

    private static final String FOLDER = "dev/pixelstep/local/web/";
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[]{"index.html", "text/html; charset=utf-8"},
            "/index.html", new String[]{"index.html", "text/html; charset=utf-8"},
            "/app.js", new String[]{"app.js", "text/javascript; charset=utf-8"},
            "/app.css", new String[]{"app.css", "text/css; charset=utf-8"},
            "/favicon.svg", new String[]{"favicon.svg", "image/svg+xml"});

    private final Map<String, byte[]> contents = new HashMap<>();
    private final String contentSecurityPolicy;

    /** @param imageOrigins origins the page may load images from besides itself (may be empty) */
    StaticAssets(String imageOrigins) {
        for (String[] file : FILES.values()) {
            contents.computeIfAbsent(file[0], StaticAssets::load);
        }
        this.contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
                + " img-src 'self' blob: " + imageOrigins + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    private static byte[] load(String name) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("the web page's " + name + " is missing from this build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] file = FILES.get(exchange.getRequestURI().getPath());
            String method = exchange.getRequestMethod();
            if (file == null) {
                Exchanges.error(exchange, 404, "no such page");
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                Exchanges.error(exchange, 405, "use GET");
                return;
            }
            exchange.getResponseHeaders().set("Content-Security-Policy", contentSecurityPolicy);
            exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
            byte[] body = contents.get(file[0]);
            if (method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Type", file[1]);
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            Exchanges.bytes(exchange, 200, file[1], body);
        }
    }
}

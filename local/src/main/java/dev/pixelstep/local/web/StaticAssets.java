package dev.pixelstep.local.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The page itself: a fixed set of files bundled under {@code dev/pixelstep/local/web/}, loaded once.
 * Any other path is a 404; no request path ever reaches the file system.
 */
final class StaticAssets implements Request.Handler {

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
    public boolean handle(Request request, Response response, Callback callback) {
        String[] file = FILES.get(Request.getPathInContext(request));
        String method = request.getMethod();
        if (file == null) {
            Exchanges.error(response, callback, 404, "no such page");
            return true;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Exchanges.error(response, callback, 405, "use GET");
            return true;
        }
        response.getHeaders().put("Content-Security-Policy", contentSecurityPolicy);
        response.getHeaders().put("X-Frame-Options", "DENY");
        Exchanges.bytes(response, callback, 200, file[1], contents.get(file[0]));
        return true;
    }
}

package dev.pixelstep.local.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writing responses and reading query strings. Every write is asynchronous: a client that reads
 * slowly holds a buffer, not a thread, and every writer completes the callback exactly once.
 */
final class Exchanges {

    static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {
    }

    static void json(Response response, Callback callback, int status, JsonNode body) {
        try {
            bytes(response, callback, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void error(Response response, Callback callback, int status, String message) {
        bytes(response, callback, status, "application/json; charset=utf-8", errorBody(message));
    }

    /** {@code {"error": message}} as bytes. */
    static byte[] errorBody(String message) {
        try {
            return JSON.writeValueAsBytes(JSON.createObjectNode().put("error", message));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void bytes(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        noSniff(response);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Streams {@code body} of a known length, closing it at the end whatever happens. */
    static void stream(Response response, Callback callback, String contentType, long length, InputStream body) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        noSniff(response);
        Content.copy(Content.Source.from(body), response, new Callback() {
            @Override
            public void succeeded() {
                close(body);
                callback.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                close(body);
                callback.failed(failure);
            }
        });
    }

    static void noSniff(Response response) {
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
    }

    /** The query parameters, percent-decoded as UTF-8; a repeated name keeps its last value. */
    static Map<String, String> query(Request request) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = request.getHttpURI().getQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.put(name, value);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "the query string is not properly percent-encoded");
            }
        }
        return out;
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // the response is over either way
        }
    }
}

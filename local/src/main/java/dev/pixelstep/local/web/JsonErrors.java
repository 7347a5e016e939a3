package dev.pixelstep.local.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Errors Jetty answers by itself (a malformed or ambiguous request, headers too large, a failure
 * after a handler gave up) in the API's own shape, {@code {"error": "..."}}, never as an HTML page
 * that repeats the request.
 */
final class JsonErrors extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        Exchanges.error(response, callback, code, text(code, message));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        if (HttpStatus.hasNoBody(status)) {
            return null;
        }
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        fields.put("X-Content-Type-Options", "nosniff");
        return ByteBuffer.wrap(Exchanges.errorBody(text(status, reason)));
    }

    private static String text(int status, String message) {
        String reason = HttpStatus.getMessage(status);
        return message == null || message.isBlank() ? "the request was refused: " + reason : "the request was refused: " + message;
    }
}

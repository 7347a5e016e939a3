package dev.pixelstep.functions.support;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Invokes a handler the way Lambda does: JSON bytes in, JSON bytes out, no context. */
public final class Invoke {

    private Invoke() {
    }

    public static JsonNode handler(RequestStreamHandler handler, byte[] request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(request), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Events.parse(out.toByteArray());
    }
}

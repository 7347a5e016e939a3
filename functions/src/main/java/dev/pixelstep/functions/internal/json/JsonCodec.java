package dev.pixelstep.functions.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pixelstep.functions.error.InvalidRequestException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Reads invocation payloads and writes results with one shared Jackson mapper, so the same bytes
 * flow through {@code RequestStreamHandler} on Lambda and in the local runtime. Unknown request
 * fields are ignored. Thread-safe.
 */
public final class JsonCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private JsonCodec() {
    }

    /**
     * Reads a request object.
     *
     * @throws InvalidRequestException if the payload is not a JSON object
     */
    public static JsonNode readRequest(InputStream in) {
        JsonNode node;
        try {
            node = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new InvalidRequestException("the request is not valid JSON: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())
                    + "; send an object such as {\"bucket\": \"...\", \"key\": \"...\"}", e);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException("the request must be a JSON object such as {\"bucket\": \"...\", \"key\": \"...\"}, got "
                    + (node == null || node.isMissingNode() ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return node;
    }

    /**
     * A required, non-empty text field.
     *
     * @throws InvalidRequestException if it is missing, not text or empty
     */
    public static String requiredText(JsonNode request, String field) {
        return optionalText(request, field).orElseThrow(() -> new InvalidRequestException(
                "the request has no '" + field + "' (a non-empty string is required); got fields " + fieldNames(request)));
    }

    /**
     * An optional text field; empty if absent or null.
     *
     * @throws InvalidRequestException if present but not a non-empty string
     */
    public static Optional<String> optionalText(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new InvalidRequestException("the request field '" + field + "' must be a non-empty string, got " + value);
        }
        return Optional.of(value.asText());
    }

    /** Writes {@code value} as JSON to {@code out} (not closed). */
    public static void write(OutputStream out, Object value) throws IOException {
        MAPPER.writeValue(new NonClosing(out), value);
    }

    /** {@code value} as compact JSON bytes. */
    public static byte[] toBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} as indented JSON bytes, for documents people read. */
    public static byte[] toPrettyBytes(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fieldNames(JsonNode node) {
        StringBuilder sb = new StringBuilder("[");
        node.fieldNames().forEachRemaining(n -> sb.append(sb.length() > 1 ? ", " : "").append(n));
        return sb.append(']').toString();
    }

    /** Keeps Jackson from closing the handler's output stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

package dev.pixelstep.layer;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A stand-in for the Lambda Java runtime, run in a fresh JVM by {@link LayerContractIT} with
 * nothing on the class path but the unpacked function zip, the unpacked layers and this class.
 *
 * <p>Arguments are triples {@code <handler class> <request file> <response file>}. Each handler
 * class is instantiated once with its public no-argument constructor (one warm container) and
 * invoked as a {@link RequestStreamHandler}; the response file receives the handler's output, or,
 * like Lambda, {@code {"errorType": "<fully qualified class>", "errorMessage": "..."}} when it throws.
 */
public final class LambdaRunner {

    private LambdaRunner() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, RequestStreamHandler> containers = new HashMap<>();
        for (int i = 0; i + 2 < args.length; i += 3) {
            Path request = Path.of(args[i + 1]);
            Path response = Path.of(args[i + 2]);
            try {
                RequestStreamHandler handler = containers.get(args[i]);
                if (handler == null) {
                    Class<?> type = Class.forName(args[i], true, Thread.currentThread().getContextClassLoader());
                    handler = (RequestStreamHandler) type.getConstructor().newInstance();
                    containers.put(args[i], handler);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (InputStream in = Files.newInputStream(request)) {
                    handler.handleRequest(in, out, null);
                }
                Files.write(response, out.toByteArray());
            } catch (Throwable t) {
                Throwable cause = t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null ? t.getCause() : t;
                Files.writeString(response, "{\"errorType\":\"" + escape(cause.getClass().getName()) + "\",\"errorMessage\":\""
                        + escape(String.valueOf(cause.getMessage())) + "\"}", StandardCharsets.UTF_8);
                cause.printStackTrace();
            }
        }
    }

    private static String escape(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

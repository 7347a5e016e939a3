package dev.pixelstep.layer.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs in a fresh JVM on Lambda's class path (see {@link ColdStartMeasurements}): constructs the
 * handler named by the first argument, optionally calls its {@code prime()} (what a SnapStart
 * checkpoint runs), then processes one request (then the same request again, for comparison; the
 * optional fourth argument asks for more), printing the milliseconds of each phase and of every
 * request, and each request's own phase timings (its result's {@code timingsMs}).
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        String handlerClass = args[0];
        boolean prime = Boolean.parseBoolean(args[1]);
        byte[] request = args[2].getBytes(StandardCharsets.UTF_8);

        Object handler = Class.forName(handlerClass).getConstructor().newInstance();
        long constructed = System.nanoTime();
        if (prime) {
            Object report = handler.getClass().getMethod("prime").invoke(handler);
            System.out.println("PRIMING " + report);
        }
        long primed = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((RequestStreamHandler) handler).handleRequest(new ByteArrayInputStream(request), out, null);
        long done = System.nanoTime();
        if (!out.toString(StandardCharsets.UTF_8).contains("\"outputs\"")) { // both handlers' results list their outputs
            throw new IllegalStateException("unexpected result: " + out.toString(StandardCharsets.UTF_8));
        }
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        StringBuilder requests = new StringBuilder().append((done - primed) / 1_000_000);
        printPhases(1, out);
        long second = 0;
        for (int i = 1; i < count; i++) {
            long again = System.nanoTime();
            ByteArrayOutputStream result = new ByteArrayOutputStream();
            ((RequestStreamHandler) handler).handleRequest(new ByteArrayInputStream(request), result, null);
            long took = (System.nanoTime() - again) / 1_000_000;
            printPhases(i + 1, result);
            second = i == 1 ? took : second;
            requests.append(',').append(took);
        }
        System.out.printf("TIMES construct=%d prime=%d firstInvoke=%d secondInvoke=%d requests=%s%n", (constructed - start) / 1_000_000,
                (primed - constructed) / 1_000_000, (done - primed) / 1_000_000, second, requests);
    }

    /** Prints the {@code timingsMs} object of a handler's result (both handlers report their phases there). */
    private static void printPhases(int request, ByteArrayOutputStream result) {
        Matcher phases = TIMINGS.matcher(result.toString(StandardCharsets.UTF_8));
        System.out.println("PHASES " + request + " " + (phases.find() ? phases.group(1) : "?"));
    }

    private static final Pattern TIMINGS = Pattern.compile("\"timingsMs\"\\s*:\\s*(\\{[^}]*})");
}

package dev.pixelstep.local.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pixelstep.asl.history.ExecutionListener;
import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.asl.history.HistoryEventType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Step Functions' {@code ListExecutions} and {@code GetExecutionHistory} at the HTTP level, as the
 * AWS SDK's real {@code SfnClient} talks to them (AWS JSON 1.0: {@code POST /} with
 * {@code X-Amz-Target: AWSStepFunctions.<Operation>}), answering with the shapes of AWS's API
 * reference: timestamps as epoch seconds, input and output as JSON strings, pages of at most
 * {@value #PAGE} items with a {@code nextToken}, errors as {@code __type} and {@code message}.
 * <p>
 * The executions are those of a real local pipeline (it is an {@link ExecutionListener}), with
 * their histories as its engine records them, live, plus any added by hand.
 */
final class FakeStepFunctions implements ExecutionListener, AutoCloseable {

    /** Items per page, fewer than the SDK asks for: the API reference allows it, and it makes the client page. */
    static final int PAGE = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One execution: its ARN, when it started, and its history so far. */
    record Execution(String arn, Instant started, List<HistoryEvent> events) {
    }

    /** One request as received: the operation, the Authorization header and the JSON body. */
    record Call(String target, String authorization, JsonNode body) {
    }

    private final String stateMachineArn;
    private final HttpServer server;
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** When set, every call is refused with this error type, as AWS refuses a caller without the permission. */
    volatile String refuseWith;
    private volatile Hold hold;

    private FakeStepFunctions(String stateMachineArn, HttpServer server) {
        this.stateMachineArn = stateMachineArn;
        this.server = server;
    }

    /** Serves on a free loopback port the executions of the state machine {@code stateMachineArn}. */
    static FakeStepFunctions start(String stateMachineArn) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeStepFunctions fake = new FakeStepFunctions(stateMachineArn, server);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void onEvent(String executionArn, HistoryEvent event) {
        executions.computeIfAbsent(executionArn, arn -> new Execution(arn, event.timestamp(), new CopyOnWriteArrayList<>())).events().add(event);
        Hold hold = this.hold;
        if (hold != null && event.type() == HistoryEventType.TASK_STATE_ENTERED && hold.state().equals(event.stateName())) {
            hold.await();
        }
    }

    /**
     * Holds every execution that enters the task state {@code state} right after recording it, until
     * the returned hold is released (or a minute passes): the engine tells its listeners on the
     * thread that runs the state, so the state is seen running for as long as a test needs, however
     * fast the machine.
     */
    Hold holdOnEntering(String state) {
        Hold hold = new Hold(state, new CountDownLatch(1));
        this.hold = hold;
        return hold;
    }

    /** A state executions wait in until {@link #release()}. */
    record Hold(String state, CountDownLatch released) {
        void release() {
            released.countDown();
        }

        private void await() {
            try {
                released.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** An execution of something else: started at {@code started} with {@code input}, and ended. */
    void addEnded(String executionArn, Instant started, JsonNode input) {
        ObjectNode startedDetails = JSON.createObjectNode();
        startedDetails.set("input", input);
        List<HistoryEvent> events = new CopyOnWriteArrayList<>(List.of(
                new HistoryEvent(1, 0, started, HistoryEventType.EXECUTION_STARTED, startedDetails),
                new HistoryEvent(2, 1, started.plusMillis(5), HistoryEventType.EXECUTION_SUCCEEDED, JSON.createObjectNode())));
        executions.put(executionArn, new Execution(executionArn, started, events));
    }

    /** The recorded history of the execution that started for {@code key}. */
    List<HistoryEvent> historyOf(String key) {
        for (Execution execution : executions.values()) {
            JsonNode input = execution.events().get(0).detail("input");
            if (input != null && key.equals(input.at("/detail/object/key").asText())) {
                return List.copyOf(execution.events());
            }
        }
        throw new AssertionError("no execution for " + key);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            calls.add(new Call(target, exchange.getRequestHeaders().getFirst("Authorization"), body));
            if (!"POST".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getPath())
                    || !String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/x-amz-json-1.0")) {
                error(exchange, "UnknownOperationException", "not an AWS JSON 1.0 request");
            } else if (refuseWith != null) {
                error(exchange, refuseWith, "User: arn:aws:iam::123456789012:user/page is not authorized to perform: "
                        + (target == null ? "" : target.replace("AWSStepFunctions.", "states:")) + " because no identity-based policy allows it");
            } else if ("AWSStepFunctions.ListExecutions".equals(target)) {
                listExecutions(exchange, body);
            } else if ("AWSStepFunctions.GetExecutionHistory".equals(target)) {
                getExecutionHistory(exchange, body);
            } else {
                error(exchange, "UnknownOperationException", "this fake answers ListExecutions and GetExecutionHistory only");
            }
        }
    }

    private void listExecutions(HttpExchange exchange, JsonNode body) throws IOException {
        if (!stateMachineArn.equals(body.path("stateMachineArn").asText())) {
            error(exchange, "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + body.path("stateMachineArn").asText() + "'");
            return;
        }
        List<Execution> newestFirst = new ArrayList<>(executions.values());
        newestFirst.sort(Comparator.comparing(Execution::started).reversed());
        int from = body.hasNonNull("nextToken") ? Integer.parseInt(body.path("nextToken").asText()) : 0;
        int size = Math.min(PAGE, body.path("maxResults").asInt(100) == 0 ? 100 : body.path("maxResults").asInt(100));
        ObjectNode response = JSON.createObjectNode();
        ArrayNode items = response.putArray("executions");
        for (Execution execution : newestFirst.subList(Math.min(from, newestFirst.size()), Math.min(from + size, newestFirst.size()))) {
            ObjectNode item = items.addObject();
            item.put("executionArn", execution.arn());
            item.put("stateMachineArn", stateMachineArn);
            item.put("name", execution.arn().substring(execution.arn().lastIndexOf(':') + 1));
            HistoryEvent last = execution.events().get(execution.events().size() - 1);
            String status = switch (last.type()) {
                case EXECUTION_SUCCEEDED -> "SUCCEEDED";
                case EXECUTION_FAILED -> "FAILED";
                case EXECUTION_ABORTED -> "ABORTED";
                case EXECUTION_TIMED_OUT -> "TIMED_OUT";
                default -> "RUNNING";
            };
            item.put("status", status);
            item.put("startDate", epochSeconds(execution.started()));
            if (!status.equals("RUNNING")) {
                item.put("stopDate", epochSeconds(last.timestamp()));
            }
        }
        if (from + size < newestFirst.size()) {
            response.put("nextToken", String.valueOf(from + size));
        }
        ok(exchange, response);
    }

    private void getExecutionHistory(HttpExchange exchange, JsonNode body) throws IOException {
        Execution execution = executions.get(body.path("executionArn").asText());
        if (execution == null) {
            error(exchange, "ExecutionDoesNotExist", "Execution Does Not Exist: '" + body.path("executionArn").asText() + "'");
            return;
        }
        boolean withData = body.path("includeExecutionData").asBoolean(true);
        List<HistoryEvent> events = new ArrayList<>(execution.events());
        if (body.path("reverseOrder").asBoolean(false)) {
            events.sort(Comparator.comparingLong(HistoryEvent::id).reversed());
        }
        int from = body.hasNonNull("nextToken") ? Integer.parseInt(body.path("nextToken").asText()) : 0;
        int max = body.path("maxResults").asInt(100) == 0 ? 100 : body.path("maxResults").asInt(100);
        int to = Math.min(from + max, events.size());
        ObjectNode response = JSON.createObjectNode();
        ArrayNode list = response.putArray("events");
        for (HistoryEvent event : events.subList(Math.min(from, events.size()), to)) {
            ObjectNode aws = event.toAwsJson();
            aws.put("timestamp", epochSeconds(event.timestamp()));
            if (!withData && event.type().detailsField() != null && aws.get(event.type().detailsField()) instanceof ObjectNode details) {
                details.remove(List.of("input", "inputDetails", "output", "outputDetails"));
            }
            list.add(aws);
        }
        if (to < events.size()) {
            response.put("nextToken", String.valueOf(to));
        }
        ok(exchange, response);
    }

    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }

    private static void ok(HttpExchange exchange, JsonNode body) throws IOException {
        send(exchange, 200, body);
    }

    private static void error(HttpExchange exchange, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        send(exchange, 400, JSON.createObjectNode().put("__type", type).put("message", message));
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

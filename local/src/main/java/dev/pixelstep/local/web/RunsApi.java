package dev.pixelstep.local.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.pixelstep.local.lambda.OperationCatalog;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The page's JSON API under {@code /api/}:
 * <pre>
 * GET  /api/config                      mode, buckets, upload limit
 * GET  /api/operations                  every operation with its parameters (built-in and plugin)
 * POST /api/runs?operations=C&filename=N  the image as the body; 201 with the new run
 * GET  /api/runs                        recent runs, newest first
 * GET  /api/runs/{id}                   one run: status, states, error, image URLs
 * GET  /api/runs/{id}/original          the uploaded image
 * GET  /api/runs/{id}/file?key=K        an output of that run (K under the run's prefix only)
 * </pre>
 * Errors are {@code {"error": "..."}} with a 4xx status and a message meant for a person.
 */
final class RunsApi implements HttpHandler {

    /** How many runs {@code GET /api/runs} lists. */
    static final int RECENT_RUNS = 20;
    private static final Set<String> SERVED_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff",
            "image/vnd.wap.wbmp", "application/json");

    private final Backend backend;
    private final long maxUploadBytes;
    private final Clock clock;
    private final PrintStream log;
    private final RunView runs;

    RunsApi(Backend backend, long maxUploadBytes, Clock clock, PrintStream log) {
        this.backend = backend;
        this.maxUploadBytes = maxUploadBytes;
        this.clock = clock;
        this.log = log;
        this.runs = new RunView(backend);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (ApiException e) {
                Exchanges.error(exchange, e.status(), e.getMessage());
            } catch (S3Exception e) {
                log.println("web: S3 refused " + exchange.getRequestURI().getPath() + ": " + e.getMessage());
                Exchanges.error(exchange, 502, "the storage refused the request: " + e.awsErrorDetails().errorMessage());
            } catch (SdkClientException e) {
                log.println("web: cannot reach S3 for " + exchange.getRequestURI().getPath() + ": " + e.getMessage());
                Exchanges.error(exchange, 502, "the buckets cannot be reached: " + e.getMessage());
            } catch (RuntimeException e) {
                log.println("web: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " failed: " + e);
                Exchanges.error(exchange, 500, "the server could not do this: " + e.getMessage());
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String[] path = exchange.getRequestURI().getPath().substring("/api/".length()).split("/", -1);
        if (path.length == 1 && path[0].equals("config")) {
            requireMethod(method, "GET");
            config(exchange);
        } else if (path.length == 1 && path[0].equals("operations")) {
            requireMethod(method, "GET");
            operations(exchange);
        } else if (path.length == 1 && path[0].equals("runs")) {
            if (method.equals("POST")) {
                upload(exchange);
            } else {
                requireMethod(method, "GET");
                recent(exchange);
            }
        } else if (path.length >= 2 && path.length <= 3 && path[0].equals("runs")) {
            requireMethod(method, "GET");
            RunId id = runId(path[1]);
            if (path.length == 2) {
                Exchanges.json(exchange, 200, runs.detail(id));
            } else if (path[2].equals("original")) {
                runs.summary(id); // 404 for an unknown run
                object(exchange, backend.inputBucket(), id.key());
            } else if (path[2].equals("file")) {
                String key = Exchanges.query(exchange).get("key");
                if (key == null || !id.owns(key)) {
                    throw new ApiException(403, "only the outputs of run " + id + " can be read here");
                }
                object(exchange, backend.outputBucket(), key);
            } else {
                throw new ApiException(404, "no such resource");
            }
        } else {
            throw new ApiException(404, "no such resource");
        }
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw new ApiException(405, "use " + expected + " here");
        }
    }

    private static RunId runId(String text) {
        try {
            return new RunId(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "'" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "' is not a run id");
        }
    }

    private void config(HttpExchange exchange) throws IOException {
        ObjectNode config = Exchanges.JSON.createObjectNode();
        config.put("mode", backend.mode());
        config.put("inputBucket", backend.inputBucket());
        config.put("outputBucket", backend.outputBucket());
        config.put("maxUploadBytes", maxUploadBytes);
        Exchanges.json(exchange, 200, config);
    }

    private void operations(HttpExchange exchange) throws IOException {
        List<Map<String, Object>> operations = OperationCatalog.describe(backend.operations());
        Exchanges.json(exchange, 200, Exchanges.JSON.valueToTree(operations));
    }

    /** Checks the chain, streams the body to a file while counting, checks the content, then uploads. */
    private void upload(HttpExchange exchange) throws IOException {
        Map<String, String> query = Exchanges.query(exchange);
        String canonical = canonical(query.getOrDefault("operations", ""));
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > maxUploadBytes) {
            throw new ApiException(413, "the image is larger than " + maxUploadBytes / (1024 * 1024) + " MB ("
                    + maxUploadBytes + " bytes), the most the pipeline accepts");
        }
        String given = query.getOrDefault("filename", "").strip();
        String filename = given.length() > 255 ? given.substring(0, 255) : given;
        try (ImageUpload image = ImageUpload.read(exchange.getRequestBody(), maxUploadBytes)) {
            RunId id = RunId.generate(clock.instant(), image.extension());
            backend.s3().putObject(b -> b.bucket(backend.inputBucket()).key(id.key()).contentType(image.contentType())
                            .metadata(Map.of("operations", MetadataText.encode(canonical),
                                    "original-filename", MetadataText.encode(filename.isEmpty() ? id.value() : filename))),
                    RequestBody.fromFile(image.file()));
            ObjectNode created = Exchanges.JSON.createObjectNode();
            created.put("id", id.value());
            created.put("chain", canonical);
            created.put("size", image.size());
            exchange.getResponseHeaders().set("Location", "/api/runs/" + id);
            Exchanges.json(exchange, 201, created);
        }
    }

    private String canonical(String chain) {
        try {
            return OperationCatalog.canonical(backend.operations(), chain);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    private void recent(HttpExchange exchange) throws IOException {
        List<RunId> ids = backend.s3().listObjectsV2Paginator(b -> b.bucket(backend.inputBucket()).prefix(RunId.PREFIX))
                .contents().stream()
                .map(S3Object::key)
                .map(RunId::ofKey)
                .filter(id -> id != null)
                .sorted(Comparator.comparing(RunId::value).reversed())
                .limit(RECENT_RUNS)
                .toList();
        ArrayNode list = Exchanges.JSON.createArrayNode();
        ids.parallelStream().map(id -> {
            try {
                return runs.summary(id);
            } catch (ApiException e) {
                return null; // deleted meanwhile
            }
        }).toList().forEach(summary -> {
            if (summary != null) {
                list.add(summary);
            }
        });
        Exchanges.json(exchange, 200, list);
    }

    /** Streams an object through the S3 client; only images and JSON are served, as what they are. */
    private void object(HttpExchange exchange, String bucket, String key) throws IOException {
        boolean download = "1".equals(Exchanges.query(exchange).get("download"));
        ResponseInputStream<GetObjectResponse> in;
        try {
            in = backend.s3().getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new ApiException(404, "no such file in this run");
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new ApiException(404, "no such file in this run");
            }
            throw e;
        }
        String type = in.response().contentType();
        if (type == null || !SERVED_TYPES.contains(type.toLowerCase(java.util.Locale.ROOT))) {
            type = "application/octet-stream";
        }
        if (download) {
            exchange.getResponseHeaders().set("Content-Disposition", ContentDisposition.attachment(key.substring(key.lastIndexOf('/') + 1)));
        }
        Exchanges.stream(exchange, type, in.response().contentLength(), in);
    }
}

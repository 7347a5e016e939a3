package dev.pixelstep.local.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.local.lambda.OperationCatalog;
import dev.pixelstep.s3.MissingObjects;
import dev.pixelstep.s3.ObjectLimits;
import dev.pixelstep.s3.UserMetadata;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The page's JSON API under {@code /api/}:
 * <pre>
 * GET  /api/config                      mode, buckets, upload limit
 * GET  /api/operations                  every operation with its parameters (built-in and plugin)
 * POST /api/runs?operations=C&filename=N  the image as the body; 201 with the new run
 * GET  /api/runs                        recent runs, newest first, whoever uploaded them
 * GET  /api/runs/{id}                   one run: status, states, error, image URLs
 * GET  /api/runs/{id}/original          the uploaded image
 * GET  /api/runs/{id}/file?key=K        an output of that run (K under the run's prefix only)
 * GET  /api/runs/{id}/preview[?key=K]   a display-sized preview of the original, or of an output ({@link Previews})
 * GET  /api/bulk-runs                   recent bulk runs with their counts and failed keys ({@link BulkRunList})
 * </pre>
 * Errors are {@code {"error": "..."}} with a 4xx status and a message meant for a person.
 * Uploads are received without holding a thread ({@link UploadBody}), at most
 * {@link WebServer.Limits#maxUploads()} at once (503 beyond, with {@code Retry-After}).
 */
final class RunsApi implements Request.Handler {

    /** How many runs {@code GET /api/runs} lists. */
    static final int RECENT_RUNS = 20;
    private static final Set<String> SERVED_TYPES = Set.of("image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp", "image/tiff",
            "application/json");

    private final Backend backend;
    private final long maxUploadBytes;
    private final WebServer.Limits limits;
    private final Semaphore uploads;
    private final Clock clock;
    private final PrintStream log;
    private final RunView runs;
    private final Previews previews;
    private final BulkRunList bulkRuns;

    RunsApi(Backend backend, long maxUploadBytes, WebServer.Limits limits, Clock clock, PrintStream log) {
        this.backend = backend;
        this.maxUploadBytes = maxUploadBytes;
        this.limits = limits;
        this.uploads = new Semaphore(limits.maxUploads());
        this.clock = clock;
        this.log = log;
        this.runs = new RunView(backend);
        this.previews = new Previews(backend.previewCache());
        this.bulkRuns = new BulkRunList(backend);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            route(request, response, callback);
        } catch (RuntimeException e) {
            fail(request, response, callback, e);
        }
        return true;
    }

    /** Answers a failure with the status and message it deserves, if nothing has been sent yet. */
    private void fail(Request request, Response response, Callback callback, Throwable failure) {
        Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String path = Request.getPathInContext(request);
        if (response.isCommitted()) {
            log.println("web: " + request.getMethod() + " " + path + " failed while answering: " + e);
            callback.failed(e);
        } else if (e instanceof ApiException api) {
            Exchanges.error(response, callback, api.status(), api.getMessage());
        } else if (e instanceof S3Exception s3) {
            log.println("web: S3 refused " + path + ": " + s3.getMessage());
            Exchanges.error(response, callback, 502, "the storage refused the request: " + s3.awsErrorDetails().errorMessage());
        } else if (e instanceof SdkClientException) {
            log.println("web: cannot reach S3 for " + path + ": " + e.getMessage());
            Exchanges.error(response, callback, 502, "the buckets cannot be reached: " + e.getMessage());
        } else {
            log.println("web: " + request.getMethod() + " " + path + " failed: " + e);
            Exchanges.error(response, callback, 500, "the server could not do this: " + e.getMessage());
        }
    }

    private void route(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        String[] path = Request.getPathInContext(request).substring("/api/".length()).split("/", -1);
        if (path.length == 1 && path[0].equals("config")) {
            requireMethod(method, "GET");
            config(response, callback);
        } else if (path.length == 1 && path[0].equals("operations")) {
            requireMethod(method, "GET");
            operations(response, callback);
        } else if (path.length == 1 && path[0].equals("runs")) {
            if (method.equals("POST")) {
                upload(request, response, callback);
            } else {
                requireMethod(method, "GET");
                recent(response, callback);
            }
        } else if (path.length == 1 && path[0].equals("bulk-runs")) {
            requireMethod(method, "GET");
            Exchanges.json(response, callback, 200, bulkRuns.recent());
        } else if (path.length >= 2 && path.length <= 3 && path[0].equals("runs")) {
            requireMethod(method, "GET");
            RunId id = runId(path[1]);
            if (path.length == 3) {
                requireSameSite(request);
            }
            if (path.length == 2) {
                Exchanges.json(response, callback, 200, runs.detail(id));
            } else if (path[2].equals("original")) {
                runs.summary(id); // 404 for an unknown run
                object(request, response, callback, backend.inputBucket(), id.key());
            } else if (path[2].equals("file")) {
                String key = Exchanges.query(request).get("key");
                if (key == null || !id.owns(key)) {
                    throw new ApiException(403, "only the outputs of run " + id + " can be read here");
                }
                object(request, response, callback, backend.outputBucket(), key);
            } else if (path[2].equals("preview")) {
                String key = Exchanges.query(request).get("key");
                if (key == null) {
                    runs.summary(id); // 404 for an unknown run
                    preview(request, response, callback, backend.inputBucket(), id.key());
                } else if (id.owns(key)) {
                    preview(request, response, callback, backend.outputBucket(), key);
                } else {
                    throw new ApiException(403, "only the outputs of run " + id + " can be read here");
                }
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

    /**
     * Images are read by the page itself only: a run's id may be derived from a guessable key, so
     * another site must not be able to embed them (a browser says where a request comes from).
     */
    private static void requireSameSite(Request request) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new ApiException(403, "images of runs are shown on the pixelstep page only");
        }
    }

    private static RunId runId(String text) {
        try {
            return new RunId(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "'" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "' is not a run id");
        }
    }

    private void config(Response response, Callback callback) {
        ObjectNode config = Exchanges.JSON.createObjectNode();
        config.put("mode", backend.mode());
        config.put("inputBucket", backend.inputBucket());
        config.put("outputBucket", backend.outputBucket());
        config.put("maxUploadBytes", maxUploadBytes);
        config.put("maxPixels", ObjectLimits.DEFAULT_MAX_PIXELS);
        Exchanges.json(response, callback, 200, config);
    }

    private void operations(Response response, Callback callback) {
        List<Map<String, Object>> operations = OperationCatalog.describe(backend.operations());
        Exchanges.json(response, callback, 200, Exchanges.JSON.valueToTree(operations));
    }

    /**
     * Checks the chain and the declared size, takes an upload slot, receives the body into a file
     * while counting, checks the content, then uploads.
     */
    private void upload(Request request, Response response, Callback callback) {
        Map<String, String> query = Exchanges.query(request);
        String canonical = canonical(query.getOrDefault("operations", ""));
        long declared = request.getLength();
        if (declared > maxUploadBytes) {
            throw new ApiException(413, "the image is larger than " + maxUploadBytes / (1024 * 1024) + " MB ("
                    + maxUploadBytes + " bytes), the most the pipeline accepts");
        }
        String given = query.getOrDefault("filename", "").strip();
        String filename = given.length() > 255 ? given.substring(0, 255) : given;
        if (!uploads.tryAcquire()) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, 5);
            throw new ApiException(503, limits.maxUploads() + " uploads are arriving already; try again in a moment");
        }
        try {
            var unused = UploadBody.read(request, maxUploadBytes, limits).whenComplete((body, failure) -> {
                uploads.release();
                if (failure != null) {
                    fail(request, response, callback, failure);
                    return;
                }
                try (ImageUpload image = ImageUpload.of(body)) {
                    Exchanges.json(response, callback, 201, store(image, canonical, filename, response));
                } catch (RuntimeException e) {
                    fail(request, response, callback, e);
                }
            });
        } catch (RuntimeException e) {
            uploads.release();
            throw e;
        }
    }

    private ObjectNode store(ImageUpload image, String canonical, String filename, Response response) {
        RunId id = RunId.generate(clock.instant(), image.extension());
        backend.s3().putObject(b -> b.bucket(backend.inputBucket()).key(id.key()).contentType(image.contentType())
                        .metadata(Map.of(UserMetadata.OPERATIONS, UserMetadata.encode(canonical),
                                UserMetadata.ORIGINAL_FILENAME, UserMetadata.encode(filename.isEmpty() ? id.value() : filename))),
                RequestBody.fromFile(image.file()));
        ObjectNode created = Exchanges.JSON.createObjectNode();
        created.put("id", id.value());
        created.put("chain", canonical);
        created.put("size", image.size());
        response.getHeaders().put(HttpHeader.LOCATION, "/api/runs/" + id);
        return created;
    }

    private String canonical(String chain) {
        try {
            return OperationCatalog.canonical(backend.operations(), chain);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    private void recent(Response response, Callback callback) {
        List<RunId> ids = backend.recentUploads(RECENT_RUNS).stream().map(RunId::ofKey).filter(id -> id != null).toList();
        ArrayNode list = Exchanges.JSON.createArrayNode();
        ids.parallelStream().map(id -> {
            try {
                return runs.summary(id);
            } catch (ApiException | S3Exception e) {
                return null; // deleted meanwhile, or not readable with the page's permissions
            }
        }).toList().forEach(summary -> {
            if (summary != null) {
                list.add(summary);
            }
        });
        Exchanges.json(response, callback, 200, list);
    }

    /**
     * A preview made once and kept ({@link Previews}), revalidated by its ETag so that a reopened
     * run costs no image bytes; an image Java cannot decode is sent as it is.
     */
    private void preview(Request request, Response response, Callback callback, String bucket, String key) {
        Optional<Previews.Preview> preview = ofThisRun(() -> previews.of(backend.s3(), bucket, key));
        if (preview.isEmpty()) {
            object(request, response, callback, bucket, key);
            return;
        }
        Previews.Preview made = preview.get();
        response.getHeaders().put(HttpHeader.ETAG, made.etag());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "private, no-cache");
        if (made.etag().equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
            response.setStatus(304);
            callback.succeeded();
            return;
        }
        try {
            Exchanges.stream(response, callback, made.contentType(), Files.size(made.file()), Files.newInputStream(made.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams an object through the S3 client; only images and JSON are served, as what they are. */
    private void object(Request request, Response response, Callback callback, String bucket, String key) {
        boolean download = "1".equals(Exchanges.query(request).get("download"));
        ResponseInputStream<GetObjectResponse> in = ofThisRun(() -> backend.s3().getObject(b -> b.bucket(bucket).key(key)));
        String type = in.response().contentType();
        if (type == null || !SERVED_TYPES.contains(type.toLowerCase(java.util.Locale.ROOT))) {
            type = "application/octet-stream";
        }
        if (download) {
            response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, ContentDisposition.attachment(key.substring(key.lastIndexOf('/') + 1)));
        }
        Exchanges.stream(response, callback, type, in.response().contentLength(), in);
    }

    /** What S3 answers for a file of a run, a missing one as the API's 404. */
    private static <T> T ofThisRun(Supplier<T> read) {
        try {
            return read.get();
        } catch (S3Exception e) {
            if (!MissingObjects.isMissing(e)) {
                throw e;
            }
            throw new ApiException(404, "no such file in this run");
        }
    }
}

package dev.pixelstep.local.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pixelstep.local.Artifacts;
import dev.pixelstep.local.RuntimeConfig;
import dev.pixelstep.local.runtime.LocalRuntime;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A web server (in front of a real local pipeline, or of another backend) and a plain HTTP client for its API. */
final class WebStack implements AutoCloseable {

    static final String INPUT = "pixelstep-input";
    static final String OUTPUT = "pixelstep-output";
    static final ObjectMapper JSON = new ObjectMapper();

    /** The pipeline behind the page, or null when the page has another backend. */
    final LocalRuntime pipeline;
    final WebServer web;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private WebStack(LocalRuntime pipeline, WebServer web) {
        this.pipeline = pipeline;
        this.web = web;
    }

    /** The pipeline with the example plugin layer, and the page in front of it on free ports. */
    static WebStack start(Path data) {
        LocalRuntime pipeline = startPipeline(data);
        try {
            return new WebStack(pipeline, WebServer.start(new LocalBackend(pipeline), "127.0.0.1", 0, new PrintStream(System.out, true)));
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    /** A plain client of a web server started elsewhere; closing it stops that server. */
    static WebStack over(WebServer web) {
        return new WebStack(null, web);
    }

    static LocalRuntime startPipeline(Path data) {
        List<Path> layers = new ArrayList<>();
        layers.add(Artifacts.extract(Artifacts.LAYER_ZIP, data.resolve("artifacts")));
        layers.add(pluginLayer());
        RuntimeConfig config = new RuntimeConfig(data, "127.0.0.1", 0, INPUT, OUTPUT, 2,
                Artifacts.extract(Artifacts.FUNCTION_ZIP, data.resolve("artifacts")), layers);
        return LocalRuntime.start(config, new PrintStream(System.out, true));
    }

    static Path pluginLayer() {
        return Path.of(System.getProperty("pixelstep.plugin.layer"));
    }

    URI uri(String path) {
        return web.uri().resolve(path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String pathOrUrl) throws IOException, InterruptedException {
        URI target = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : uri(pathOrUrl);
        return http.send(HttpRequest.newBuilder(target).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    HttpResponse<String> upload(String operations, String filename, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        String query = "operations=" + URLEncoder.encode(operations, StandardCharsets.UTF_8)
                + "&filename=" + URLEncoder.encode(filename, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(uri("/api/runs?" + query)).POST(body)
                .header("Content-Type", "application/octet-stream").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls the run until its manifest is there, as the page does. */
    JsonNode awaitRun(String id, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode run = null;
        while (System.nanoTime() < deadline) {
            run = json("/api/runs/" + id);
            String status = run.path("status").asText();
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not end within " + timeout + "; last seen " + run);
    }

    @Override
    public void close() {
        web.close();
        if (pipeline != null) {
            pipeline.close();
        }
    }
}

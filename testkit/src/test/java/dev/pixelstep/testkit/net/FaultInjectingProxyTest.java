package dev.pixelstep.testkit.net;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultInjectingProxyTest {

    private HttpServer server;
    private FaultInjectingProxy proxy;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] answer = (exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " " + body.length + " "
                    + exchange.getRequestHeaders().getFirst("Host")).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        proxy = FaultInjectingProxy.start(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        proxy.close();
        server.stop(0);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(proxy.endpoint().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void forwardsRequestsWithTheirBodyAndHostAndRecordsThem() throws Exception {
        HttpResponse<String> response = send("PUT", "/bucket/a%20b.txt", "hello");
        assertEquals(200, response.statusCode());
        assertEquals("PUT /bucket/a%20b.txt 5 127.0.0.1:" + proxy.endpoint().getPort(), response.body(), "the Host header is kept");
        assertEquals(1, proxy.requests().size());
        assertEquals("/bucket/a b.txt", proxy.requests().get(0).path());
        assertEquals(200, send("GET", "/x", null).statusCode());
        assertEquals(200, send("GET", "/y", null).statusCode(), "a client's next request gets a new connection");
    }

    @Test
    void injectsS3ErrorsAndResetsUntilHealed() throws Exception {
        proxy.inject(FaultInjectingProxy.method("GET", "/bucket/key"), FaultInjectingProxy.Fault.SLOW_DOWN);
        HttpResponse<String> slow = send("GET", "/bucket/key", null);
        assertEquals(503, slow.statusCode());
        assertTrue(slow.body().contains("<Code>SlowDown</Code>"), slow.body());
        assertEquals(200, send("GET", "/bucket/other", null).statusCode(), "only matching requests are faulted");
        proxy.inject(FaultInjectingProxy.method("GET", "/bucket/key"), FaultInjectingProxy.Fault.INTERNAL_ERROR);
        assertEquals(500, send("GET", "/bucket/key", null).statusCode());
        proxy.inject(r -> true, FaultInjectingProxy.Fault.RESET);
        assertThrows(IOException.class, () -> send("GET", "/bucket/key", null));
        proxy.heal();
        assertEquals(200, send("GET", "/bucket/key", null).statusCode());
        assertTrue(proxy.faulted() >= 3, "503, 500 and at least one reset (the JDK client retries a reset GET once): " + proxy.faulted());
    }
}

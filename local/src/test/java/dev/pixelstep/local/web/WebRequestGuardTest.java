package dev.pixelstep.local.web;

import dev.pixelstep.local.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DNS rebinding and cross-site requests, sent as a browser on another site would send them (raw
 * HTTP with the headers a browser sets), against the real page and pipeline.
 */
class WebRequestGuardTest {

    @TempDir
    static Path data;
    private static WebStack stack;
    private static URI server;
    private static byte[] png;

    @BeforeAll
    static void start() throws Exception {
        stack = WebStack.start(data);
        server = stack.web.uri();
        png = WebApiTest.png(16, 16);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aSiteWhoseNameResolvesToThisMachineGetsNothing() throws Exception {
        int port = server.getPort();
        for (String host : List.of("attacker.example:" + port, "attacker.example", "127.0.0.1.nip.io:" + port, "localhost.attacker.example:" + port,
                "192.0.2.1:" + port, "[2001:db8::1]:" + port)) {
            for (String target : List.of("/", "/app.js", "/api/config", "/api/runs")) {
                RawHttp.Response response = RawHttp.send(server, "GET", target, Map.of("Host", host), null);
                assertEquals(403, response.status(), host + " " + target + ": " + response.body());
                assertTrue(response.body().contains("answers only to"), response.body());
                assertFalse(response.body().contains("<script"), "not the page");
            }
            RawHttp.Response upload = RawHttp.send(server, "POST", "/api/runs?operations=grayscale&filename=rebound.png",
                    Map.of("Host", host, "Origin", "http://" + host, "Sec-Fetch-Site", "same-origin"), png);
            assertEquals(403, upload.status(), host + ": " + upload.body());
        }
        RawHttp.Response noHost = RawHttp.send(server, "GET", "/api/config", Map.of(), null);
        assertEquals(400, noHost.status(), "HTTP/1.1 without Host: " + noHost.body());
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port)) {
            RawHttp.Response page = RawHttp.send(server, "GET", "/", Map.of("Host", host), null);
            assertEquals(200, page.status(), host);
            assertTrue(page.body().contains("<script src=\"/app.js\""), host);
        }
        assertNoUpload("rebound.png");
    }

    @Test
    void aCrossSitePostStartsNoRunWhateverItsContentType() throws Exception {
        String host = RawHttp.host(server);
        List<Map<String, String>> forged = List.of(
                // a fetch() with Content-Type text/plain skips the CORS preflight; the browser adds Origin and Sec-Fetch-Site
                Map.of("Origin", "http://attacker.example", "Sec-Fetch-Site", "cross-site", "Content-Type", "text/plain"),
                Map.of("Origin", "http://attacker.example", "Content-Type", "text/plain"),
                // an HTML form post from another page on this machine (another port is another origin, the same site)
                Map.of("Origin", "http://127.0.0.1:1", "Sec-Fetch-Site", "same-site", "Content-Type", "application/x-www-form-urlencoded"),
                Map.of("Origin", "http://127.0.0.1:1", "Content-Type", "multipart/form-data; boundary=x"),
                // a sandboxed iframe or a data: URL sends Origin: null
                Map.of("Origin", "null", "Content-Type", "text/plain"),
                Map.of("Origin", "https://" + host, "Content-Type", "text/plain"));
        for (Map<String, String> browser : forged) {
            Map<String, String> headers = new LinkedHashMap<>(browser);
            headers.put("Host", host);
            RawHttp.Response response = RawHttp.send(server, "POST", "/api/runs?operations=grayscale&filename=forged.png", headers, png);
            assertEquals(403, response.status(), browser + ": " + response.body());
            assertTrue(response.body().contains("other sites"), response.body());
        }
        assertNoUpload("forged.png");
    }

    @Test
    void thePageItselfAndProgramsMayUpload() throws Exception {
        String host = RawHttp.host(server);
        List<Map<String, String>> allowed = List.of(
                Map.of("Host", host, "Origin", "http://" + host, "Sec-Fetch-Site", "same-origin"),
                Map.of("Host", host, "Origin", "http://" + host),
                Map.of("Host", host, "Sec-Fetch-Site", "same-origin"),
                Map.of("Host", host, "Sec-Fetch-Site", "none"),
                Map.of("Host", host)); // curl, scripts: no browser, no ambient authority to abuse
        for (int i = 0; i < allowed.size(); i++) {
            Map<String, String> headers = new LinkedHashMap<>(allowed.get(i));
            headers.put("Content-Type", "application/octet-stream");
            RawHttp.Response response = RawHttp.send(server, "POST", "/api/runs?operations=grayscale&filename=allowed-" + i + ".png", headers, png);
            assertEquals(201, response.status(), allowed.get(i) + ": " + response.body());
        }
    }

    @Test
    void readsCarryNothingThatLetsAnotherSiteReadThem() throws Exception {
        RawHttp.Response response = RawHttp.send(server, "GET", "/api/runs",
                Map.of("Host", RawHttp.host(server), "Origin", "http://attacker.example", "Sec-Fetch-Site", "cross-site"), null);
        assertEquals(200, response.status());
        assertFalse(response.headers().containsKey("access-control-allow-origin"), response.headers().toString());
        RawHttp.Response preflight = RawHttp.send(server, "OPTIONS", "/api/runs", Map.of("Host", RawHttp.host(server),
                "Origin", "http://attacker.example", "Access-Control-Request-Method", "POST"), null);
        assertFalse(preflight.headers().containsKey("access-control-allow-origin"), preflight.headers().toString());
    }

    private static void assertNoUpload(String filename) {
        for (S3Object object : stack.pipeline.storage().list(WebStack.INPUT)) {
            String stored = stack.pipeline.storage().head(WebStack.INPUT, object.key()).metadata().get("original-filename");
            assertFalse(filename.equals(stored), object.key() + " was uploaded as " + filename);
        }
    }
}

package dev.pixelstep.local.web;

import dev.pixelstep.local.runtime.LocalRuntime;
import dev.pixelstep.s3.ObjectLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slow clients, slowloris-style, against the real page and pipeline: connections that send their
 * headers a byte at a time, uploads that stall, uploads that are slow but steady. One server has
 * the default limits; another has the same mechanisms with limits short enough to watch them act.
 */
class WebSlowClientsTest {

    /** The default mechanisms with short limits: header 1 s, idle 3 s, upload 5 s, grace 1 s at 16 KB/s, 2 uploads at once. */
    private static final WebServer.Limits SHORT = new WebServer.Limits(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(1), 16 * 1024, 2, 64, 16);

    @TempDir
    static Path data;
    private static LocalRuntime pipeline;
    private static WebServer normal;
    private static WebServer shortLimits;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<Socket, InputStream> INPUTS = new WeakHashMap<>();

    @BeforeAll
    static void start() {
        pipeline = WebStack.startPipeline(data);
        PrintStream log = new PrintStream(System.out, true);
        normal = WebServer.start(new LocalBackend(pipeline), "127.0.0.1", 0, log);
        shortLimits = WebServer.start(new LocalBackend(pipeline), "127.0.0.1", 0, ObjectLimits.DEFAULT_MAX_BYTES, SHORT, log);
    }

    @AfterAll
    static void stop() {
        normal.close();
        shortLimits.close();
        pipeline.close();
    }

    @Test
    void fiftySlowConnectionsDoNotKeepThePageFromAnsweringWithinASecond() throws Exception {
        URI page = normal.uri();
        List<Socket> tricklers = new ArrayList<>();
        List<Socket> stallers = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < 25; i++) {
                Socket socket = connect(page);
                write(socket, "GET /api/config HTTP/1.1\r\nHost: " + host(page) + "\r\nX-Slow: ");
                tricklers.add(socket);
            }
            var unused = trickle.scheduleAtFixedRate(() -> tricklers.forEach(s -> {
                try {
                    write(s, "a");
                } catch (IOException e) {
                    // checked below
                }
            }), 0, 200, TimeUnit.MILLISECONDS);
            byte[] start = Arrays.copyOf(WebApiTest.png(64, 64), 1024);
            for (int i = 0; i < 25; i++) {
                Socket socket = connect(page);
                write(socket, "POST /api/runs?operations=grayscale&filename=stalled.png HTTP/1.1\r\nHost: " + host(page)
                        + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000000\r\n\r\n");
                socket.getOutputStream().write(start);
                stallers.add(socket);
            }
            Thread.sleep(500);

            long slowest = 0;
            for (int i = 0; i < 20; i++) {
                for (String path : List.of("/api/config", "/", "/api/operations")) {
                    long begun = System.nanoTime();
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(page.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    long millis = (System.nanoTime() - begun) / 1_000_000;
                    assertEquals(200, response.statusCode(), path);
                    assertTrue(millis < 1000, path + " took " + millis + " ms with 50 slow connections open");
                    slowest = Math.max(slowest, millis);
                }
            }
            System.out.println("web page: slowest of 60 answers with 25 trickling and 25 stalled connections open: " + slowest + " ms");

            for (Socket socket : tricklers) {
                assertTrue(stillWaiting(socket), "a trickling connection is still open, unanswered: the page answered beside it");
            }
            int refused = 0;
            for (Socket socket : stallers) {
                if (!stillWaiting(socket)) {
                    assertEquals(503, status(socket), "an upload beyond the limit is refused at once");
                    refused++;
                }
            }
            assertEquals(25 - WebServer.Limits.DEFAULT.maxUploads(), refused, "every upload slot is held by a stalled upload; the rest were refused");
        } finally {
            trickle.shutdownNow();
            for (Socket socket : tricklers) {
                socket.close();
            }
            for (Socket socket : stallers) {
                socket.close();
            }
        }
    }

    @Test
    void headersSentAByteAtATimeAreCutOffAtTheHeaderTimeoutButIdleKeepAliveIsNot() throws Exception {
        URI page = shortLimits.uri();
        try (Socket socket = connect(page)) {
            write(socket, "GET /api/config HTTP/1.1\r\nHost: " + host(page) + "\r\nX-Slow: ");
            long begun = System.nanoTime();
            boolean open = true;
            while (open && System.nanoTime() - begun < 10_000_000_000L) {
                Thread.sleep(200);
                try {
                    write(socket, "a");
                    open = stillWaiting(socket);
                } catch (IOException e) {
                    open = false;
                }
            }
            long millis = (System.nanoTime() - begun) / 1_000_000;
            assertTrue(millis >= 900 && millis < 5000, "closed after " + millis + " ms: by the 1 s header timeout (the trickle keeps the idle timeout away)");
        }
        try (Socket socket = connect(page)) {
            String request = "GET /api/config HTTP/1.1\r\nHost: " + host(page) + "\r\n\r\n";
            write(socket, request);
            assertEquals(200, status(socket));
            Thread.sleep(1_600); // idle between requests, longer than the header timeout
            write(socket, request);
            assertTrue(readUntil(socket, "\r\n\r\n{\"mode\":\"local\"", "HTTP/1.1 200"), "the second request on the kept-alive connection is answered");
        }
    }

    @Test
    void stalledUploadsAreDroppedAtTheIdleTimeoutAndTheirSlotsGoToTheNextUpload() throws Exception {
        URI page = shortLimits.uri();
        List<Socket> stallers = new ArrayList<>();
        try {
            for (int i = 0; i < SHORT.maxUploads(); i++) {
                Socket socket = connect(page);
                write(socket, uploadHead(page, 500_000, "stalled.png"));
                socket.getOutputStream().write(new byte[1024]);
                stallers.add(socket);
            }
            Thread.sleep(300);
            HttpResponse<String> refused = upload(page, WebApiTest.png(32, 32));
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("5", refused.headers().firstValue("Retry-After").orElse(""));

            long begun = System.nanoTime();
            for (Socket socket : stallers) {
                socket.setSoTimeout(10_000);
                int status = status(socket);
                assertEquals(408, status, "a stalled upload is answered 408 when nothing arrived for the idle timeout");
            }
            long millis = (System.nanoTime() - begun) / 1_000_000;
            assertTrue(millis < 6_000, "dropped after " + millis + " ms, at the 3 s idle timeout");
            HttpResponse<String> next = upload(page, WebApiTest.png(32, 32));
            assertEquals(201, next.statusCode(), next.body());
        } finally {
            for (Socket socket : stallers) {
                socket.close();
            }
        }
    }

    @Test
    void aSlowButSteadyUploadSucceedsAndOneSlowerThanTheMinimumRateIsRefused() throws Exception {
        URI page = shortLimits.uri();
        byte[] image = noisePng(180, 180);
        assertTrue(image.length > 90_000, "about 100 KB: " + image.length);
        // 5 KB every 100 ms, 50 KB/s, about 2 s: longer than the header timeout and the grace, within the upload timeout.
        String steady = paced(page, image, 5 * 1024, 100);
        assertTrue(steady.startsWith("HTTP/1.1 201"), steady);
        assertTrue(steady.contains("\"chain\":\"grayscale\""), steady);

        // 1 KB every 200 ms, 5 KB/s: refused once the grace is over.
        String slow = paced(page, image, 1024, 200);
        assertTrue(slow.startsWith("HTTP/1.1 408"), slow);
        assertTrue(slow.contains("slower than 16 KB/s"), slow);
    }

    @Test
    void anUploadLongerThanTheUploadTimeoutIsRefusedEvenAtAGoodRate() throws Exception {
        URI page = shortLimits.uri();
        byte[] image = noisePng(320, 320);
        // 4 KB every 100 ms, 40 KB/s: above the minimum rate, but about 7.5 s for 300 KB, over the 5 s limit.
        String answer = paced(page, image, 4 * 1024, 100);
        assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
        assertTrue(answer.contains("took longer than 5 s"), answer);
    }

    /** Sends an upload of {@code body} in pieces at a pace; returns the response as text. */
    private static String paced(URI page, byte[] body, int piece, long everyMillis) throws Exception {
        try (Socket socket = connect(page)) {
            write(socket, uploadHead(page, body.length, "paced.png"));
            OutputStream out = socket.getOutputStream();
            try {
                for (int offset = 0; offset < body.length; offset += piece) {
                    out.write(body, offset, Math.min(piece, body.length - offset));
                    out.flush();
                    Thread.sleep(everyMillis);
                    if (socket.getInputStream().available() > 0) {
                        break; // answered before the end
                    }
                }
            } catch (IOException e) {
                // the server answered and closed; read what it said
            }
            socket.setSoTimeout(10_000);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = input(socket);
            byte[] buffer = new byte[4096];
            for (int n; answer.size() < 4096 && (n = readQuietly(in, buffer)) > 0; ) {
                answer.write(buffer, 0, n);
                if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
                    break;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static int readQuietly(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String uploadHead(URI page, long length, String filename) {
        return "POST /api/runs?operations=grayscale&filename=" + filename + " HTTP/1.1\r\nHost: " + host(page)
                + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + length + "\r\n\r\n";
    }

    private static HttpResponse<String> upload(URI page, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(page.resolve("/api/runs?operations=grayscale&filename=next.png"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Socket connect(URI page) throws IOException {
        Socket socket = new Socket(page.getHost(), page.getPort());
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static String host(URI page) {
        return page.getHost() + ":" + page.getPort();
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Whether the server has neither answered nor closed the connection; nothing is consumed. */
    private static boolean stillWaiting(Socket socket) throws IOException {
        InputStream in = input(socket);
        socket.setSoTimeout(1);
        try {
            in.mark(1);
            in.read();
            in.reset();
            return false; // a byte (answered) or the end (closed)
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(0);
            }
        }
    }

    /** The status of the response on {@code socket}. */
    private static int status(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        StringBuilder line = new StringBuilder();
        InputStream in = input(socket);
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            line.append((char) c);
        }
        assertTrue(line.toString().startsWith("HTTP/1.1 "), "a status line: " + line);
        return Integer.parseInt(line.substring(9, 12));
    }

    /** One buffered input stream per socket, so that {@link #stillWaiting} can look without consuming. */
    private static InputStream input(Socket socket) throws IOException {
        synchronized (INPUTS) {
            InputStream in = INPUTS.get(socket);
            if (in == null) {
                in = new BufferedInputStream(socket.getInputStream());
                INPUTS.put(socket, in);
            }
            return in;
        }
    }

    private static boolean readUntil(Socket socket, String... parts) throws IOException {
        socket.setSoTimeout(10_000);
        StringBuilder seen = new StringBuilder();
        InputStream in = input(socket);
        for (int c; (c = in.read()) >= 0; ) {
            seen.append((char) c);
            if (Arrays.stream(parts).allMatch(p -> seen.indexOf(p) >= 0)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] noisePng(int width, int height) throws IOException {
        Random random = new Random(width * 31L + height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

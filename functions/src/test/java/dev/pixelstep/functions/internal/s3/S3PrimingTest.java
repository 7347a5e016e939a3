package dev.pixelstep.functions.internal.s3;

import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.internal.image.ImageLimits;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Priming's S3 calls go over the wire to a loopback stand-in, with Lambda's client settings and with the local stack's. */
class S3PrimingTest {

    @Test
    void everyCallIsAnsweredWithLambdasClientSettings() {
        FunctionConfig lambda = new FunctionConfig("out", ImageLimits.defaults(), Optional.empty(), false);
        assertEquals(4, assertTimeoutPreemptively(Duration.ofSeconds(30), () -> S3Priming.warm(lambda)));
    }

    @Test
    void everyCallIsAnsweredWithTheLocalStacksClientSettings() {
        FunctionConfig local = new FunctionConfig("out", ImageLimits.defaults(), Optional.of(URI.create("http://127.0.0.1:9")), true);
        assertEquals(4, assertTimeoutPreemptively(Duration.ofSeconds(30), () -> S3Priming.warm(local)));
    }

    @Test
    void theStandInRefusesWhatItDoesNotServeAndGoesOnServing() throws IOException {
        try (LoopbackS3 s3 = LoopbackS3.start()) {
            assertTrue(exchange(s3, "DELETE /b/k HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 400 "));
            String head = exchange(s3, "HEAD /b/k HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(head.startsWith("HTTP/1.1 200 ") && head.contains("ETag: "), head);
            String put = exchange(s3, "PUT /b/k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
            assertTrue(put.startsWith("HTTP/1.1 200 "), put);
            assertEquals(3, s3.answered());
        }
    }

    /** Sends one request on a connection of its own and reads the response's head. */
    private static String exchange(LoopbackS3 s3, String request) throws IOException {
        URI endpoint = s3.endpoint();
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            return head.toString(StandardCharsets.US_ASCII);
        }
    }
}

package dev.pixelstep.local.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code pixelstep presign}'s checks before anything is signed, and its {@code --aws} URL. The local
 * URL's upload, by curl and by a plain HTTP client, is in {@link ClientCompatibilityTest}.
 */
class PresignCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void expiriesAreBoundedBySignatureV4sSevenDays() {
        assertEquals(Duration.ofMinutes(15), PresignCommand.expiry(null));
        assertEquals(Duration.ofSeconds(90), PresignCommand.expiry("90"));
        assertEquals(Duration.ofSeconds(90), PresignCommand.expiry("90s"));
        assertEquals(Duration.ofHours(2), PresignCommand.expiry("2h"));
        assertEquals(Duration.ofDays(7), PresignCommand.expiry("7d"));
        assertEquals(Duration.ofDays(7), PresignCommand.expiry("168h"));
        for (String bad : List.of("0", "0s", "8d", "169h", "604801", "-1m", "15 minutes", "1.5h", "", "99999999999d")) {
            assertThrows(UsageException.class, () -> PresignCommand.expiry(bad), bad);
        }
    }

    @Test
    void withoutARunningServeItSaysWhatToStart(@TempDir Path data) {
        assertEquals(2, pixelstep("presign", "photo.jpg", "--ops", "grayscale", "--data", data.toString()));
        assertTrue(err().contains("no pixelstep serve is running on " + data), err());
        assertTrue(err().contains("pixelstep serve --data " + data), err());
    }

    @Test
    void badCommandLinesAreRefused(@TempDir Path data) {
        assertEquals(2, pixelstep("presign", "--ops", "grayscale", "--data", data.toString()));
        assertTrue(err().contains("exactly one KEY"), err());
        assertEquals(2, pixelstep("presign", "photo.jpg", "--data", data.toString()));
        assertTrue(err().contains("needs --ops"), err());
        assertEquals(2, pixelstep("presign", "photo.jpg", "--ops", "grayscale", "--aws", "--region", "eu-west-1", "--data", data.toString()));
        assertTrue(err().contains("--input-bucket"), err());
        assertEquals(2, pixelstep("presign", "photo.jpg", "--ops", "grayscale", "--input-bucket", "b", "--data", data.toString()));
        assertTrue(err().contains("--input-bucket is for --aws only"), err());
    }

    @Test
    void withAwsItSignsForTheDeployedBucketWithTheDefaultCredentialsChainAfterCheckingTheChain(@TempDir Path data) {
        String key = System.getProperty("aws.accessKeyId");
        String secret = System.getProperty("aws.secretAccessKey");
        // The default chain reads these system properties before the environment's profile files.
        System.setProperty("aws.accessKeyId", "AKIAEXAMPLEEXAMPLE12");
        System.setProperty("aws.secretAccessKey", "example-secret-example-secret-example-se");
        try {
            assertEquals(2, pixelstep("presign", "in/photo.jpg", "--ops", "blurr", "--aws", "--region", "eu-west-1",
                    "--input-bucket", "my-in", "--data", data.toString()));
            assertTrue(err().contains("unknown operation 'blurr'"), err());

            assertEquals(0, pixelstep("presign", "in/photo.jpg", "--ops", "grayscale, blur(radius=4)", "--aws", "--region", "eu-west-1",
                    "--input-bucket", "my-in", "--expires", "2h", "--data", data.toString()), err());
            String url = out().lines().findFirst().orElseThrow().substring("PUT ".length());
            URI uri = URI.create(url);
            assertEquals("my-in.s3.eu-west-1.amazonaws.com", uri.getHost());
            assertEquals("/in/photo.jpg", uri.getPath());
            assertTrue(uri.getQuery().contains("X-Amz-Expires=7200"), url);
            assertTrue(uri.getQuery().contains("X-Amz-Credential=AKIAEXAMPLEEXAMPLE12/"), url);
            assertTrue(uri.getQuery().contains("x-amz-meta-operations"), "the chain's header is signed: " + url);
            assertTrue(out().contains("  x-amz-meta-operations: grayscale, blur(radius=4)\n"), out());
            assertTrue(out().contains("curl --fail-with-body -X PUT --upload-file photo.jpg \\\n"), out());
        } finally {
            restore("aws.accessKeyId", key);
            restore("aws.secretAccessKey", secret);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    private int pixelstep(String... args) {
        out.reset();
        err.reset();
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

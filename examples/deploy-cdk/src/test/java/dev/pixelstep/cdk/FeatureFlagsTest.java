package dev.pixelstep.cdk;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * cdk.json sets the feature flags {@code cdk init} writes for the aws-cdk-lib on the class path:
 * its {@code recommended-feature-flags.json}, read from the library's own bundle. Without them a
 * layer-only change published no new function version (issue 12, finding 2); when aws-cdk-lib is
 * upgraded, this test names the flags to add.
 */
class FeatureFlagsTest {

    @Test
    void cdkJsonSetsEveryFlagCdkInitSetsForThisAwsCdkLib() throws IOException {
        Map<String, Object> flags = new TreeMap<>(Synthesized.cdkJsonContext());
        flags.keySet().removeIf(key -> !key.startsWith("@aws-cdk"));
        assertEquals(new TreeMap<>(recommendedFlags()), flags);
    }

    /** {@code package/recommended-feature-flags.json} from the jsii bundle inside the aws-cdk-lib jar. */
    private static Map<String, Object> recommendedFlags() throws IOException {
        Properties pom = new Properties();
        try (InputStream in = App.class.getResourceAsStream("/META-INF/maven/software.amazon.awscdk/aws-cdk-lib/pom.properties")) {
            assertNotNull(in, "aws-cdk-lib's pom.properties");
            pom.load(in);
        }
        String bundle = "/software/amazon/awscdk/aws-cdk-lib@" + pom.getProperty("version") + ".jsii.tgz";
        try (InputStream in = App.class.getResourceAsStream(bundle)) {
            assertNotNull(in, bundle);
            byte[] json = tarEntry(new GZIPInputStream(in), "package/recommended-feature-flags.json");
            return Synthesized.JSON.readValue(new String(json, StandardCharsets.UTF_8), new TypeReference<LinkedHashMap<String, Object>>() { });
        }
    }

    /**
     * One entry of a ustar archive. Written here rather than adding an archive library for one
     * file: a 512-byte header (name at 0, octal size at 124), the content padded to 512 bytes.
     */
    private static byte[] tarEntry(InputStream tar, String name) throws IOException {
        DataInputStream in = new DataInputStream(tar);
        byte[] header = new byte[512];
        while (true) {
            in.readFully(header);
            String entry = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
            if (entry.isEmpty()) {
                throw new AssertionError(name + " is not in the aws-cdk-lib bundle");
            }
            long size = Long.parseLong(new String(header, 124, 12, StandardCharsets.US_ASCII).replace("\0", "").trim(), 8);
            long padded = (size + 511) / 512 * 512;
            if (entry.equals(name)) {
                byte[] content = new byte[(int) size];
                in.readFully(content);
                return content;
            }
            in.skipNBytes(padded);
        }
    }
}

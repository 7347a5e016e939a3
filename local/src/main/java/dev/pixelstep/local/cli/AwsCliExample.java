package dev.pixelstep.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pixelstep.local.storage.EmbeddedS3;
import dev.pixelstep.local.storage.S3Credentials;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The AWS CLI command {@code serve} prints for uploading an image with a chain: the data
 * directory's credentials in the environment, and the metadata in the CLI's JSON form (its
 * shorthand {@code key=value} form cannot carry the commas and parentheses of a chain).
 */
final class AwsCliExample {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private AwsCliExample() {
    }

    /** The command as shell lines, joined by backslash-newline; every value quoted for a POSIX shell. */
    static List<String> lines(URI endpoint, S3Credentials credentials, String bucket, String file, String key, String chain) {
        String metadata = metadata(chain);
        return List.of(
                "AWS_ACCESS_KEY_ID=" + quote(credentials.accessKeyId()) + " AWS_SECRET_ACCESS_KEY=" + quote(credentials.secretAccessKey())
                        + " AWS_REGION=" + EmbeddedS3.REGION.id() + " \\",
                "aws --endpoint-url " + quote(endpoint.toString()) + " s3 cp " + quote(file) + " " + quote("s3://" + bucket + "/" + key) + " \\",
                "    --metadata " + quote(metadata));
    }

    /** The command for a deployed pipeline: the default AWS credentials, the bucket's region, the chain as JSON metadata. */
    static List<String> awsLines(String region, String bucket, String file, String key, String chain) {
        return List.of(
                "aws s3 cp " + quote(file) + " " + quote("s3://" + bucket + "/" + key) + " --region " + quote(region) + " \\",
                "    --metadata " + quote(metadata(chain)));
    }

    /** The CLI's JSON form of {@code --metadata}. */
    private static String metadata(String chain) {
        try {
            return JSON.writeValueAsString(Map.of("operations", chain));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} as one word of a POSIX shell: as is when plain, else in single quotes. */
    static String quote(String text) {
        if (PLAIN.matcher(text).matches()) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }
}

package dev.pixelstep.cdk.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pixelstep.statemachine.Manifest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.S3Object;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks one run end to end from its manifest: the status, the input key, and every object the
 * manifest names under {@code <key>/} in the output bucket (it exists, is not empty, an image decodes,
 * a histogram is a {@code pixelstep/histogram/v1} document), and that nothing else was left there. A
 * FAILED run must carry an error type and a message a person can act on, and leave only its manifest.
 */
public final class RunCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif", "bmp");

    private final S3Client s3;
    private final String outputBucket;

    /** Checks runs whose outputs are in {@code outputBucket}. */
    public RunCheck(S3Client s3, String outputBucket) {
        this.s3 = s3;
        this.outputBucket = outputBucket;
    }

    /** What is wrong with a run that should have SUCCEEDED with {@code operations} operations; empty when nothing. */
    public List<String> succeeded(String key, Manifest manifest, int operations) {
        List<String> problems = new ArrayList<>(common(key, manifest, Manifest.Status.SUCCEEDED));
        Manifest.Outputs outputs = manifest.outputs();
        if (!outputBucket.equals(outputs.bucket())) {
            problems.add("outputs.bucket is '" + outputs.bucket() + "', not the output bucket " + outputBucket);
        }
        if (manifest.operations().size() != operations || outputs.independent().size() != operations) {
            problems.add("expected " + operations + " operations and as many independent outputs, the manifest has "
                    + manifest.operations().size() + " and " + outputs.independent().size());
        }
        if (outputs.combined() == null || outputs.histogramOriginal() == null || outputs.histogramCombined() == null
                || outputs.manifest() == null) {
            problems.add("outputs name no combined image, a histogram or the manifest: " + outputs);
        }
        Set<String> named = new TreeSet<>(outputs.keys());
        for (String object : named) {
            problems.addAll(checkObject(key, object));
        }
        Set<String> stray = new TreeSet<>(objectsUnder(key));
        stray.removeAll(named);
        if (!stray.isEmpty()) {
            problems.add("objects under " + key + "/ that the manifest does not name: " + stray);
        }
        return problems;
    }

    /** What is wrong with a run that should have FAILED; empty when nothing. */
    public List<String> failed(String key, Manifest manifest) {
        List<String> problems = new ArrayList<>(common(key, manifest, Manifest.Status.FAILED));
        if (manifest.error() == null || manifest.error().type() == null || manifest.error().type().isBlank()
                || manifest.error().message() == null || manifest.error().message().isBlank()) {
            problems.add("a FAILED manifest needs error.type and error.message, got " + manifest.error());
        }
        Set<String> left = new TreeSet<>(objectsUnder(key));
        left.remove(Manifest.keyFor(key));
        if (!left.isEmpty()) {
            problems.add("a FAILED run left partial outputs: " + left);
        }
        return problems;
    }

    private List<String> common(String key, Manifest manifest, Manifest.Status status) {
        List<String> problems = new ArrayList<>();
        if (manifest.status() != status) {
            problems.add("status is " + manifest.status() + ", expected " + status
                    + (manifest.error() != null ? " (error: " + manifest.error() + ")" : ""));
        }
        if (!key.equals(manifest.input().key())) {
            problems.add("input.key is '" + manifest.input().key() + "', expected '" + key + "'");
        }
        if (manifest.execution() == null || manifest.execution().isBlank()) {
            problems.add("the manifest names no execution");
        }
        return problems;
    }

    private List<String> checkObject(String key, String object) {
        if (!object.startsWith(key + "/")) {
            return List.of(object + " is not under " + key + "/");
        }
        byte[] bytes;
        try {
            bytes = s3.getObjectAsBytes(b -> b.bucket(outputBucket).key(object)).asByteArray();
        } catch (SdkException e) {
            return List.of(object + " cannot be read: " + e.getMessage());
        }
        if (bytes.length == 0) {
            return List.of(object + " is empty");
        }
        String extension = object.substring(object.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        try {
            if (IMAGE_EXTENSIONS.contains(extension)) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
                if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                    return List.of(object + " is not a readable image");
                }
            } else if (extension.equals("json") && !object.endsWith("/" + Manifest.FILE_NAME)) {
                JsonNode document = JSON.readTree(bytes);
                if (object.contains("/histogram-") && !"pixelstep/histogram/v1".equals(document.path("schema").asText())) {
                    return List.of(object + " is not a pixelstep/histogram/v1 document");
                }
            }
        } catch (IOException e) {
            return List.of(object + " cannot be parsed: " + e.getMessage());
        }
        return List.of();
    }

    private List<String> objectsUnder(String key) {
        return s3.listObjectsV2Paginator(b -> b.bucket(outputBucket).prefix(key + "/").encodingType(EncodingType.URL)).contents().stream().map(S3Object::key).toList();
    }
}

package dev.pixelstep.cdk.smoke;

import dev.pixelstep.statemachine.Manifest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sfn.SfnClient;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The smoke test against a deployed stack ({@code smoke-test.sh} deploys and destroys it around this):
 * uploads a photo with an operation chain twice (the first run is cold, the second warm) and a file
 * that is no image, waits for each manifest, checks every output of the two good runs and the
 * FAILED manifest of the bad one, and prints the timings of each execution from its history.
 * {@code cleanup} empties and deletes the stack's buckets, which the stack retains on delete.
 * Credentials and region come from the default AWS chains; the region of the stack is used.
 */
public final class SmokeTest {

    private final StackOutputs stack;
    private final S3Client s3;
    private final SfnClient sfn;
    private final PrintStream out;

    /** A smoke test of {@code stack} with these clients, printing to {@code out}. */
    public SmokeTest(StackOutputs stack, S3Client s3, SfnClient sfn, PrintStream out) {
        this.stack = stack;
        this.s3 = s3;
        this.sfn = sfn;
        this.out = out;
    }

    /** Runs the command; exits 0 when every check passed, 1 when one failed, 2 on bad arguments. */
    public static void main(String[] args) throws Exception {
        SmokeTestOptions options;
        try {
            options = SmokeTestOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("pixelstep smoke test: " + e.getMessage());
            System.exit(2);
            return;
        }
        StackOutputs stack = StackOutputs.read(options.outputs(), options.stackName());
        Region region = Region.of(stack.region());
        try (S3Client s3 = S3Client.builder().region(region).httpClient(UrlConnectionHttpClient.create()).build();
             SfnClient sfn = SfnClient.builder().region(region).httpClient(UrlConnectionHttpClient.create()).build()) {
            SmokeTest test = new SmokeTest(stack, s3, sfn, System.out);
            if (options.command().equals("cleanup")) {
                test.cleanup();
                return;
            }
            byte[] photo = options.photo().isPresent() ? Files.readAllBytes(options.photo().get()) : generatedPhoto();
            String name = options.photo().map(p -> p.getFileName().toString()).orElse("generated.jpg");
            List<String> problems = test.check(photo, name, options.operations(), new ManifestWaiter(s3), options.timeout());
            problems.forEach(problem -> System.out.println("FAILED: " + problem));
            System.out.println(problems.isEmpty() ? "smoke test passed" : "smoke test failed: " + problems.size() + " problem(s)");
            System.exit(problems.isEmpty() ? 0 : 1);
        }
    }

    /**
     * Uploads and checks the three runs, printing their timings.
     *
     * @return every problem found; empty when the deployment works
     */
    public List<String> check(byte[] photo, String name, String operations, ManifestWaiter waiter, java.time.Duration timeout)
            throws InterruptedException {
        String run = stack.keyPrefix() + "smoke/" + UUID.randomUUID().toString().substring(0, 8) + "/";
        int operationCount = operations.isBlank() ? 0 : operations.split(",(?![^(]*\\))").length;
        List<String> problems = new ArrayList<>();
        for (String label : List.of("cold", "warm")) {
            String key = run + label + "-" + name;
            upload(key, photo, operations);
            Manifest manifest = waiter.await(stack.outputBucket(), key, timeout);
            new RunCheck(s3, stack.outputBucket()).succeeded(key, manifest, operationCount).forEach(p -> problems.add(label + " run: " + p));
            timings(label, manifest);
        }
        String bad = run + "not-an-image.jpg";
        upload(bad, "this is not an image".getBytes(StandardCharsets.UTF_8), operations);
        Manifest manifest = waiter.await(stack.outputBucket(), bad, timeout);
        new RunCheck(s3, stack.outputBucket()).failed(bad, manifest).forEach(p -> problems.add("bad image: " + p));
        out.println("bad image: FAILED manifest says " + (manifest.error() == null ? "nothing"
                : manifest.error().type() + ": " + manifest.error().message()));
        timings("bad image", manifest);
        return problems;
    }

    /** Empties and deletes the input, output and access log buckets, which the stack retains when it is deleted. */
    public void cleanup() {
        for (String bucket : List.of(stack.inputBucket(), stack.outputBucket(), stack.accessLogBucket())) {
            try {
                for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).encodingType(EncodingType.URL))) {
                    List<ObjectIdentifier> objects = page.contents().stream().map(S3Object::key)
                            .map(key -> ObjectIdentifier.builder().key(key).build()).toList();
                    if (!objects.isEmpty()) {
                        s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(objects)));
                    }
                }
                s3.deleteBucket(b -> b.bucket(bucket));
                out.println("deleted bucket " + bucket);
            } catch (NoSuchBucketException e) {
                out.println("bucket " + bucket + " is already gone");
            }
        }
    }

    private void upload(String key, byte[] bytes, String operations) {
        s3.putObject(b -> b.bucket(stack.inputBucket()).key(key).metadata(Map.of("operations", operations)), RequestBody.fromBytes(bytes));
        out.println("uploaded s3://" + stack.inputBucket() + "/" + key + " (" + bytes.length + " bytes, operations: " + operations + ")");
    }

    private void timings(String label, Manifest manifest) {
        String execution = manifest.execution();
        if (execution != null && !execution.isEmpty()) {
            out.print(ExecutionTimings.of(sfn, execution).describe(label));
        }
    }

    /** A 1600x1000 JPEG with gradients and shapes, for when no photo is given. */
    static byte[] generatedPhoto() {
        BufferedImage image = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 200), 1600, 1000, new Color(250, 200, 40)));
        g.fillRect(0, 0, 1600, 1000);
        g.setColor(new Color(200, 30, 60));
        g.fillOval(500, 250, 600, 500);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

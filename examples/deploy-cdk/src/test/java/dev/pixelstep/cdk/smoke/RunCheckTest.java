package dev.pixelstep.cdk.smoke;

import dev.pixelstep.asl.ExecutionStatus;
import dev.pixelstep.statemachine.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The smoke test's checks on the outputs of real runs: the published ASL in the local engine with
 * the real handlers on S3Proxy, one good photo and one file that is no image; then the same runs
 * with an output removed, an image corrupted or a stray object left, which the checks must name.
 */
class RunCheckTest {

    private static final String OPERATIONS = "grayscale, blur(radius=2), sepia";
    private static PipelineOnOneMachine pipeline;
    private static RunCheck check;
    private static Manifest good;
    private static Manifest bad;

    @BeforeAll
    static void run() throws Exception {
        pipeline = new PipelineOnOneMachine();
        check = new RunCheck(pipeline.s3.client(), PipelineOnOneMachine.OUTPUT);
        assertEquals(ExecutionStatus.SUCCEEDED, pipeline.run("smoke/good.jpg", SmokeTest.generatedPhoto(), OPERATIONS).status());
        assertEquals(ExecutionStatus.FAILED, pipeline.run("smoke/bad.jpg", "this is not an image".getBytes(StandardCharsets.UTF_8), OPERATIONS).status());
        ManifestWaiter waiter = new ManifestWaiter(pipeline.s3.client());
        good = waiter.await(PipelineOnOneMachine.OUTPUT, "smoke/good.jpg", Duration.ofSeconds(5));
        bad = waiter.await(PipelineOnOneMachine.OUTPUT, "smoke/bad.jpg", Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        pipeline.close();
    }

    @Test
    void aGoodRunPassesEveryCheck() {
        assertEquals(List.of(), check.succeeded("smoke/good.jpg", good, 3));
    }

    @Test
    void aBadImageRunPassesTheFailedChecksAndFailsTheSucceededOnes() {
        assertEquals(List.of(), check.failed("smoke/bad.jpg", bad));
        List<String> problems = check.succeeded("smoke/bad.jpg", bad, 3);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("status is FAILED, expected SUCCEEDED")), problems.toString());
        assertTrue(check.failed("smoke/good.jpg", good).stream().anyMatch(p -> p.startsWith("status is SUCCEEDED")));
    }

    @Test
    void theWrongNumberOfOperationsOrAnotherKeyIsAProblem() {
        assertTrue(check.succeeded("smoke/good.jpg", good, 2).stream().anyMatch(p -> p.startsWith("expected 2 operations")));
        assertTrue(check.succeeded("smoke/other.jpg", good, 3).stream().anyMatch(p -> p.startsWith("input.key is 'smoke/good.jpg'")));
    }

    @Test
    void aMissingACorruptAndAStrayOutputAreNamed() throws Exception {
        String combined = good.outputs().combined();
        String chart = good.outputs().histogramOriginal().chart();
        byte[] combinedBytes = pipeline.s3.get(PipelineOnOneMachine.OUTPUT, combined);
        byte[] chartBytes = pipeline.s3.get(PipelineOnOneMachine.OUTPUT, chart);
        try {
            pipeline.s3.client().deleteObject(b -> b.bucket(PipelineOnOneMachine.OUTPUT).key(combined));
            pipeline.s3.put(PipelineOnOneMachine.OUTPUT, chart, "not a png".getBytes(StandardCharsets.UTF_8), Map.of());
            pipeline.s3.put(PipelineOnOneMachine.OUTPUT, "smoke/good.jpg/leftover.tmp", new byte[] {1}, Map.of());
            List<String> problems = check.succeeded("smoke/good.jpg", good, 3);
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(combined + " cannot be read")), problems.toString());
            assertTrue(problems.contains(chart + " is not a readable image"), problems.toString());
            assertTrue(problems.contains("objects under smoke/good.jpg/ that the manifest does not name: [smoke/good.jpg/leftover.tmp]"), problems.toString());
        } finally {
            pipeline.s3.put(PipelineOnOneMachine.OUTPUT, combined, combinedBytes, Map.of());
            pipeline.s3.put(PipelineOnOneMachine.OUTPUT, chart, chartBytes, Map.of());
            pipeline.s3.client().deleteObject(b -> b.bucket(PipelineOnOneMachine.OUTPUT).key("smoke/good.jpg/leftover.tmp"));
        }
    }

    @Test
    void aFailedRunThatLeftPartialOutputsOrNoMessageIsAProblem() throws Exception {
        pipeline.s3.put(PipelineOnOneMachine.OUTPUT, "smoke/bad.jpg/combined.jpg", new byte[] {1}, Map.of());
        try {
            assertEquals(List.of("a FAILED run left partial outputs: [smoke/bad.jpg/combined.jpg]"), check.failed("smoke/bad.jpg", bad));
        } finally {
            pipeline.s3.client().deleteObject(b -> b.bucket(PipelineOnOneMachine.OUTPUT).key("smoke/bad.jpg/combined.jpg"));
        }
        Manifest silent = new Manifest(bad.status(), bad.pipelineVersion(), bad.execution(), bad.startedAt(), bad.writtenAt(),
                bad.input(), bad.chain(), bad.operations(), bad.outputs(), new Manifest.Failure(bad.error().type(), ""), bad.timingsMs());
        assertTrue(check.failed("smoke/bad.jpg", silent).get(0).startsWith("a FAILED manifest needs error.type and error.message"));
    }
}

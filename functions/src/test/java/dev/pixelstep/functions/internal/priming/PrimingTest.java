package dev.pixelstep.functions.internal.priming;

import dev.pixelstep.functions.analyser.AnalyserHandler;
import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.functions.processor.ProcessorHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Priming runs the image path on the built-in sample and never touches S3 (the client here points nowhere). */
class PrimingTest {

    private final S3Client unreachable = S3Client.builder()
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    private final FunctionConfig config = new FunctionConfig("out", ImageLimits.defaults(), Optional.empty(), true);

    @AfterEach
    void close() {
        unreachable.close();
    }

    @Test
    void processorPrimingExercisesEveryOperationWithoutS3() {
        PrimingReport report = new ProcessorHandler(config, unreachable).prime();
        assertEquals(List.of(), report.failures());
        assertEquals(List.of("decode-jpeg", "decode-png", "operations-jpeg", "operations-png", "json", "s3-requests", "jit"), report.steps());
        assertTrue(report.jit().rounds() >= JitWarmUp.MIN_ROUNDS, report.jit().toString());
        assertTrue(report.jit().compiling() > 0, "HotSpot compiled the photo's path: " + report.jit());
    }

    @Test
    void analyserPrimingRendersAChartWithoutS3() {
        PrimingReport report = new AnalyserHandler(config, unreachable).prime();
        assertEquals(List.of(), report.failures());
        assertEquals(List.of("decode-png", "decode-jpeg", "json", "chart", "s3-requests", "jit"), report.steps());
        assertTrue(report.jit().rounds() >= JitWarmUp.MIN_ROUNDS, report.jit().toString());
    }

    @Test
    void theWarmUpRunsAtLeastItsMinimumOfRoundsWithinItsBudget() {
        AtomicInteger rounds = new AtomicInteger();
        JitWarmUp.Result result = new JitWarmUp(Duration.ofMinutes(1)).run(rounds::incrementAndGet);
        assertEquals(rounds.get(), result.rounds());
        assertTrue(result.rounds() >= JitWarmUp.MIN_ROUNDS && result.rounds() <= JitWarmUp.MAX_ROUNDS, result.toString());
    }

    @Test
    void aSpentBudgetEndsTheWarmUpAfterOneRoundUnsettled() {
        AtomicInteger rounds = new AtomicInteger();
        JitWarmUp.Result result = new JitWarmUp(Duration.ZERO).run(rounds::incrementAndGet);
        assertEquals(1, rounds.get());
        assertEquals(1, result.rounds());
    }

    @Test
    void aFailingWarmUpRoundIsRecordedAsTheJitStep() {
        PrimingReport report = new Priming()
                .warm(new JitWarmUp(Duration.ofMinutes(1)), () -> "photo", photo -> {
                    throw new IllegalStateException("no " + photo);
                })
                .report();
        assertEquals(List.of(), report.steps());
        assertEquals(JitWarmUp.Result.NONE, report.jit());
        assertTrue(report.failures().get(0).startsWith("jit: java.lang.IllegalStateException: no photo"), report.failures().toString());
    }

    @Test
    void theCracResourceRunsItsActionBeforeACheckpointOnly() {
        AtomicInteger runs = new AtomicInteger();
        PrimingResource resource = PrimingResource.register(runs::incrementAndGet);
        resource.beforeCheckpoint(null);
        resource.afterRestore(null);
        assertEquals(1, runs.get());
    }

    @Test
    void aFailingStepIsRecordedAndTheRestStillRun() {
        PrimingReport report = new Priming()
                .run("bad", () -> {
                    throw new IllegalStateException("boom");
                })
                .run("good", () -> { })
                .report();
        assertEquals(List.of("good"), report.steps());
        assertTrue(report.failures().get(0).contains("bad: java.lang.IllegalStateException: boom"));
    }
}

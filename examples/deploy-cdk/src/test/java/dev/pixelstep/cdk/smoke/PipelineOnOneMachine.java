package dev.pixelstep.cdk.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.AslEngine;
import dev.pixelstep.asl.Execution;
import dev.pixelstep.asl.StateMachine;
import dev.pixelstep.asl.error.TaskFailure;
import dev.pixelstep.asl.task.LambdaInvokeIntegration;
import dev.pixelstep.functions.analyser.AnalyserHandler;
import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.functions.processor.ProcessorHandler;
import dev.pixelstep.functions.support.Invoke;
import dev.pixelstep.functions.support.S3ProxyServer;
import dev.pixelstep.statemachine.PipelineDefinition;
import software.amazon.awssdk.core.sync.RequestBody;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The deployed pipeline's parts on one machine, for the smoke test's pieces: S3Proxy with an input
 * and an output bucket, the real processor and analyser handlers, and the published ASL definition
 * (its placeholders filled as the stack fills them) in the local engine. {@link #run} does what an
 * upload does on AWS: puts the object, then starts an execution with the EventBridge event.
 */
final class PipelineOnOneMachine implements AutoCloseable {

    static final String INPUT = "pixelstep-input";
    static final String OUTPUT = "pixelstep-output";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:";

    final S3ProxyServer s3;
    private final AslEngine engine;
    private final StateMachine machine;
    private int runs;

    PipelineOnOneMachine() {
        this.s3 = S3ProxyServer.start();
        s3.createBucket(INPUT);
        s3.createBucket(OUTPUT);
        FunctionConfig config = new FunctionConfig(OUTPUT, ImageLimits.defaults(), Optional.of(s3.endpoint()), true);
        ProcessorHandler processor = new ProcessorHandler(config, s3.client());
        AnalyserHandler analyser = new AnalyserHandler(config, s3.client());
        this.engine = AslEngine.builder()
                .lambda(LambdaInvokeIntegration.builder()
                        .function("pixelstep-processor", event -> Invoke.handler(processor, JSON.writeValueAsBytes(event)))
                        .function("pixelstep-analyser", event -> Invoke.handler(analyser, JSON.writeValueAsBytes(event)))
                        .build())
                .task("arn:aws:states:::aws-sdk:s3:putObject", invocation -> {
                    JsonNode p = invocation.input();
                    JsonNode body = p.get("Body");
                    if (body == null) {
                        throw new TaskFailure("S3.S3Exception", "putObject needs a Body");
                    }
                    s3.client().putObject(b -> b.bucket(p.path("Bucket").asText()).key(p.path("Key").asText()).contentType(p.path("ContentType").asText()),
                            RequestBody.fromString(body.isTextual() ? body.textValue() : body.toString(), StandardCharsets.UTF_8));
                    return JSON.createObjectNode();
                })
                .build();
        PipelineDefinition definition = PipelineDefinition.load();
        this.machine = StateMachine.parse("pixelstep", definition.substitute(Map.of(
                "ProcessorFunctionArn", FUNCTION_ARN + "pixelstep-processor:live",
                "AnalyserFunctionArn", FUNCTION_ARN + "pixelstep-analyser:live",
                "OutputBucket", OUTPUT)));
    }

    /** Uploads {@code bytes} under {@code key} with the operation chain and runs the pipeline for it to its end. */
    Execution run(String key, byte[] bytes, String operations) throws InterruptedException {
        s3.put(INPUT, key, bytes, Map.of("operations", operations));
        ObjectNode event = JSON.createObjectNode().put("version", "0").put("detail-type", "Object Created").put("source", "aws.s3");
        ObjectNode object = event.putObject("detail").put("version", "0");
        ((ObjectNode) event.path("detail")).putObject("bucket").put("name", INPUT);
        object.putObject("object").put("key", key).put("size", bytes.length).put("etag", "etag-" + key.hashCode());
        Execution execution = engine.start(machine, "run-" + ++runs, event);
        execution.await(Duration.ofMinutes(2));
        return execution;
    }

    @Override
    public void close() {
        engine.close();
        s3.close();
    }
}

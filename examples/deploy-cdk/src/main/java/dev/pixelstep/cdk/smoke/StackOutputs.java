package dev.pixelstep.cdk.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The outputs of a deployed pixelstep stack, read from the file {@code cdk deploy --outputs-file}
 * writes ({@code {"<stack>": {"InputBucketName": ..., ...}}}).
 *
 * @param inputBucket     {@code InputBucketName}
 * @param outputBucket    {@code OutputBucketName}
 * @param accessLogBucket {@code AccessLogBucketName}
 * @param region          {@code Region}
 * @param stateMachineArn {@code StateMachineArn}
 * @param keyPrefix       {@code KeyPrefix}, empty when the stack has none (every key)
 */
public record StackOutputs(String inputBucket, String outputBucket, String accessLogBucket, String region, String stateMachineArn,
                           String keyPrefix) {

    /**
     * Reads the outputs of {@code stackName}.
     *
     * @throws IllegalArgumentException naming the stack or the output that is missing
     */
    public static StackOutputs read(Path file, String stackName) {
        JsonNode all;
        try {
            all = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        JsonNode stack = all.path(stackName);
        if (!stack.isObject()) {
            throw new IllegalArgumentException(file + " has no outputs of stack '" + stackName + "'; it has " + names(all));
        }
        return new StackOutputs(required(stack, "InputBucketName"), required(stack, "OutputBucketName"), required(stack, "AccessLogBucketName"),
                required(stack, "Region"), required(stack, "StateMachineArn"), stack.path("KeyPrefix").asText(""));
    }

    private static String required(JsonNode stack, String name) {
        String value = stack.path(name).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException("the stack outputs have no " + name);
        }
        return value;
    }

    private static String names(JsonNode all) {
        StringBuilder names = new StringBuilder();
        all.fieldNames().forEachRemaining(name -> names.append(names.isEmpty() ? "" : ", ").append(name));
        return names.isEmpty() ? "none" : names.toString();
    }
}

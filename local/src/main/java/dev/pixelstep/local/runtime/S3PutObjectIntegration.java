package dev.pixelstep.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.error.TaskFailure;
import dev.pixelstep.asl.task.TaskHandler;
import dev.pixelstep.asl.task.TaskInvocation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.charset.StandardCharsets;

/**
 * Step Functions' AWS SDK integration {@code arn:aws:states:::aws-sdk:s3:putObject} over an S3 client:
 * Parameters {@code Bucket}, {@code Key}, {@code Body} (text, or JSON written as text) and optionally
 * {@code ContentType}; the result is {@code {"ETag": ...}}. Errors are named as the integration names
 * them, {@code S3.<ExceptionName>}.
 */
public final class S3PutObjectIntegration implements TaskHandler {

    /** The Resource ARN this integration is registered under. */
    public static final String RESOURCE = "arn:aws:states:::aws-sdk:s3:putObject";

    private final S3Client s3;

    public S3PutObjectIntegration(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public JsonNode execute(TaskInvocation invocation) {
        JsonNode p = invocation.input();
        String bucket = p.path("Bucket").asText(null);
        String key = p.path("Key").asText(null);
        if (bucket == null || key == null || !p.has("Body")) {
            throw new TaskFailure("S3.S3Exception", "putObject needs Bucket, Key and Body");
        }
        JsonNode body = p.get("Body");
        byte[] bytes = (body.isTextual() ? body.textValue() : body.toString()).getBytes(StandardCharsets.UTF_8);
        try {
            PutObjectResponse response = s3.putObject(b -> b.bucket(bucket).key(key)
                    .contentType(p.path("ContentType").asText("application/octet-stream")), RequestBody.fromBytes(bytes));
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.put("ETag", response.eTag());
            return result;
        } catch (S3Exception e) {
            throw new TaskFailure("S3." + e.getClass().getSimpleName(), e.getMessage(), e);
        } catch (SdkClientException e) {
            throw new TaskFailure("S3.SdkClientException", e.getMessage(), e);
        }
    }
}

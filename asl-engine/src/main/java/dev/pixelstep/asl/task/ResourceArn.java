package dev.pixelstep.asl.task;

import java.util.Locale;

/**
 * A Task Resource ARN split as Step Functions reports it in task events: {@code arn:aws:states:::lambda:invoke}
 * is resource type {@code lambda}, resource {@code invoke}; {@code arn:aws:states:::aws-sdk:s3:putObject} is
 * {@code aws-sdk:s3}, {@code putObject}; {@code arn:aws:states:::states:startExecution.sync:2} is {@code states},
 * {@code startExecution.sync:2}; any other ARN (e.g. a Lambda function ARN) is named by its service.
 *
 * @param arn          the whole ARN
 * @param resourceType the integration, e.g. {@code lambda} or {@code aws-sdk:s3}
 * @param resource     the action or the ARN itself
 */
public record ResourceArn(String arn, String resourceType, String resource) {

    private static final String STATES = "arn:aws:states:::";

    /** Splits an ARN. */
    public static ResourceArn of(String arn) {
        if (arn.startsWith(STATES)) {
            String rest = arn.substring(STATES.length());
            // a ".sync:2" suffix belongs to the action (states:startExecution.sync:2)
            int version = rest.lastIndexOf(".sync:");
            int split = rest.lastIndexOf(':', version > 0 ? version : rest.length());
            if (split > 0) {
                return new ResourceArn(arn, rest.substring(0, split), rest.substring(split + 1));
            }
            return new ResourceArn(arn, rest, rest);
        }
        String[] parts = arn.split(":", 6);
        return new ResourceArn(arn, parts.length > 2 ? parts[2] : arn, arn);
    }

    /** For {@code aws-sdk:<service>} integrations, the service's name as used in error names (e.g. {@code S3}); else null. */
    public String sdkServiceErrorPrefix() {
        if (!resourceType.startsWith("aws-sdk:")) {
            return null;
        }
        String service = resourceType.substring("aws-sdk:".length());
        if (service.isEmpty()) {
            return null;
        }
        return service.substring(0, 1).toUpperCase(Locale.ROOT) + service.substring(1);
    }

    /** Names an exception thrown by this resource's handler the way Step Functions would. */
    public String errorNameFor(Throwable failure) {
        String prefix = sdkServiceErrorPrefix();
        return prefix == null ? failure.getClass().getName() : prefix + "." + failure.getClass().getSimpleName();
    }
}

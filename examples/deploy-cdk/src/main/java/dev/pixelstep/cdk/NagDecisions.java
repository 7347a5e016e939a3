package dev.pixelstep.cdk;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.constructs.IConstruct;

import java.util.List;

/**
 * The cdk-nag findings (AwsSolutions and Serverless packs) the pipeline decides against, each
 * suppressed on the one construct it is about, for the exact resources it names, with the reason.
 * {@code CdkNagTest} runs both packs on the app: any other finding fails the build.
 */
final class NagDecisions {

    private static final String IAM5 = "AwsSolutions-IAM5";
    /** Object ARNs ({@code <bucket.Arn>/<prefix>*}): the keys are the users' upload keys, unknown until they upload. */
    private static final RegexAppliesTo OBJECTS_OF_A_BUCKET = regex("^Resource::<Pipeline(Input|Output)Bucket[0-9A-F]{8}\\.Arn>/[^*]*\\*$");
    private static final String OBJECTS_REASON = "object keys are the users' upload keys (and the outputs under them), unknown at deploy time:"
            + " the grant names the bucket and the key prefix, and only the object actions this role calls";

    private NagDecisions() {
    }

    static void apply(PixelstepPipeline pipeline) {
        for (PipelineFunction function : List.of(pipeline.processor(), pipeline.analyser())) {
            suppress(function.role(), IAM5, OBJECTS_REASON, OBJECTS_OF_A_BUCKET);
            suppress(function.role(), IAM5, "X-Ray tracing (xray:PutTraceSegments, xray:PutTelemetryRecords) supports no resource-level"
                    + " permissions: '*' is the only form IAM accepts for these actions", "Resource::*");
            suppress(function.function(), "Serverless-LambdaDLQ", "the functions are invoked synchronously by the state machine, which"
                    + " retries transient errors and turns every other failure into a FAILED manifest; a Lambda DLQ only applies to"
                    + " asynchronous invocations");
        }
        suppress(pipeline.getStateMachine().getRole(), IAM5, "Step Functions' log delivery (logs:CreateLogDelivery and the other"
                + " logs:*LogDelivery* actions) and X-Ray actions support no resource-level permissions: '*' is the only form IAM accepts",
                "Resource::*");
        suppress(pipeline.getStateMachine().getRole(), IAM5, "the state machine writes K/manifest.json for every input key K, unknown at"
                + " deploy time; the grant is PutObject on keys ending in /manifest.json under the key prefix of the output bucket only",
                regex("^Resource::<PipelineOutputBucket[0-9A-F]{8}\\.Arn>/[^*]*\\*/manifest\\.json$"));
        BulkReprocessing bulk = pipeline.getBulkReprocessing();
        suppress(pipeline.processor().role(), IAM5, "a bulk run's summary is bulk-runs/<execution name>/summary.json, and the execution"
                + " name is chosen when a run starts; the grant is PutObject of that one file name under bulk-runs/ of the output bucket",
                regex("^Resource::<PipelineOutputBucket[0-9A-F]{8}\\.Arn>/" + BulkReprocessing.RESULT_PREFIX + "\\*/summary\\.json$"));
        suppress(bulk.getRole(), IAM5, "Step Functions' log delivery (logs:CreateLogDelivery and the other logs:*LogDelivery* actions)"
                + " and X-Ray actions support no resource-level permissions: '*' is the only form IAM accepts", "Resource::*");
        suppress(bulk.getRole(), IAM5, "the Distributed Map's ResultWriter names its files bulk-runs/<execution name>/<map run id>/..."
                + " at run time; the grant is the ResultWriter's four object actions under bulk-runs/ of the output bucket only",
                regex("^Resource::<PipelineOutputBucket[0-9A-F]{8}\\.Arn>/" + BulkReprocessing.RESULT_PREFIX + "\\*$"));
        suppress(bulk.getRole(), IAM5, "each object's child starts an execution of the image pipeline with a generated name and, being a"
                + " .sync integration, describes and stops it: DescribeExecution and StopExecution of that state machine's executions only",
                regex("^Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:<PipelineStateMachine[0-9A-F]{8}\\.Name>:\\*$"));
        suppress(bulk.getRole(), IAM5, "the Distributed Map's child executions are named execution:<this state machine>/<map run>:<id> at"
                + " run time; Step Functions' documented grants are DescribeExecution and StopExecution of this state machine's child executions"
                + " (execution:<name>/*) and DescribeExecution of its executions (execution:<name>:*)",
                regex("^Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:" + bulk.getStateMachineName() + "[/:]\\*$"));
        suppress(bulk.getOperatorPolicy(), IAM5, "bulk runs, their Map Runs and their result files are named when a run starts; the"
                + " grants name this bulk state machine's executions and Map Runs and bulk-runs/ of the output bucket, for read actions only",
                regex("^Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:(execution:" + bulk.getStateMachineName()
                        + ":|mapRun:" + bulk.getStateMachineName() + "/)\\*$"),
                regex("^Resource::<PipelineOutputBucket[0-9A-F]{8}\\.Arn>/" + BulkReprocessing.RESULT_PREFIX + "\\*$"));
        suppress(pipeline.getDeadLetterQueue(), "AwsSolutions-SQS3", "this queue is itself the dead-letter queue of the rule's target;"
                + " a dead-letter queue of a dead-letter queue would only move the same messages");
        suppress(pipeline.getDeadLetterQueue(), "Serverless-SQSRedrivePolicy", "this queue is itself the dead-letter queue of the rule's"
                + " target; nothing consumes it automatically, so there is nothing to redrive from");
        suppress(pipeline.getClientPolicy(), IAM5, OBJECTS_REASON, OBJECTS_OF_A_BUCKET);
        suppress(pipeline.getClientPolicy(), IAM5, "execution names are generated per upload; the grant names this state machine's"
                + " executions only, for the two read actions the client follows a run with",
                regex("^Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:<PipelineStateMachine[0-9A-F]{8}\\.Name>:\\*$"));
    }

    private static void suppress(IConstruct construct, String rule, String reason, Object... appliesTo) {
        NagPackSuppression.Builder suppression = NagPackSuppression.builder().id(rule).reason(reason);
        if (appliesTo.length > 0) {
            suppression.appliesTo(List.of(appliesTo));
        }
        NagSuppressions.addResourceSuppressions(construct, List.of(suppression.build()), true);
    }

    private static RegexAppliesTo regex(String pattern) {
        return RegexAppliesTo.builder().regex("/" + pattern + "/").build();
    }
}

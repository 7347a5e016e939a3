package dev.pixelstep.cdk.app;

import dev.pixelstep.cdk.PixelstepPipeline;
import dev.pixelstep.cdk.PixelstepPipelineProps;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * A stack holding one {@link PixelstepPipeline}, with the outputs a client needs: the bucket
 * names and region (what the web page asks for), the state machine and its alias, the layer.
 */
public final class PixelstepStack extends Stack {

    private final PixelstepPipeline pipeline;

    /** Defines the stack with the pipeline {@code props} describe. */
    public PixelstepStack(Construct scope, String id, StackProps stackProps, PixelstepPipelineProps props) {
        super(scope, id, stackProps);
        this.pipeline = new PixelstepPipeline(this, "Pipeline", props);
        output("InputBucketName", pipeline.getInputBucket().getBucketName(), "upload images here, with x-amz-meta-operations");
        output("OutputBucketName", pipeline.getOutputBucket().getBucketName(), "results and K/manifest.json for every input key K");
        output("Region", getRegion(), "the region of both buckets and the state machine");
        if (!props.keyPrefix().isEmpty()) {
            // CloudFormation refuses an output whose value is empty: no output means "every key".
            output("KeyPrefix", props.keyPrefix(), "only input keys starting with this are processed");
        }
        output("StateMachineArn", pipeline.getStateMachine().getStateMachineArn(), "the pixelstep state machine");
        output("StateMachineAliasArn", pipeline.getStateMachineAlias().getAttrArn(), "the alias uploads start (routes to the current version)");
        output("StateMachineVersionArn", pipeline.getStateMachineVersion().getAttrArn(), "the published version of the current definition");
        output("BulkStateMachineArn", pipeline.getBulkReprocessing().getStateMachine().getStateMachineArn(),
                "the bulk reprocessing state machine (a Distributed Map over a prefix of the input bucket)");
        output("BulkStateMachineAliasArn", pipeline.getBulkReprocessing().getStateMachineAlias().getAttrArn(),
                "the alias bulk runs start (routes to the current version)");
        output("BulkStateMachineVersionArn", pipeline.getBulkReprocessing().getStateMachineVersion().getAttrArn(),
                "the published version of the bulk definition");
        output("BulkOperatorPolicyArn", pipeline.getBulkReprocessing().getOperatorPolicy().getManagedPolicyArn(),
                "attach to the user or role that starts and follows bulk runs (pixelstep reprocess --aws, the AWS CLI)");
        output("LayerVersionArn", pipeline.getLayer().getLayerVersionArn(), "the pixelstep layer; stack plugin layers on it");
        output("ProcessorAliasArn", pipeline.getProcessorAlias().getFunctionArn(), "the processor version the state machine invokes");
        output("AnalyserAliasArn", pipeline.getAnalyserAlias().getFunctionArn(), "the analyser version the state machine invokes");
        output("DeadLetterQueueUrl", pipeline.getDeadLetterQueue().getQueueUrl(), "events the rule could not deliver");
        output("ClientPolicyArn", pipeline.getClientPolicy().getManagedPolicyArn(),
                "attach to the user or role the web page (pixelstep serve --aws) runs as");
        output("AccessLogBucketName", pipeline.getAccessLogBucket().getBucketName(), "S3 server access logs of both buckets (input/, output/)");
        output("DashboardName", pipeline.getMonitoring().getDashboard().getDashboardName(), "the CloudWatch dashboard of the pipeline");
        pipeline.getMonitoring().getTopic().ifPresent(topic ->
                output("AlarmTopicArn", topic.getTopicArn(), "the SNS topic every alarm notifies"));
    }

    /** The pipeline. */
    public PixelstepPipeline pipeline() {
        return pipeline;
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}

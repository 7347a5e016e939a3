/**
 * The pixelstep pipeline as a reusable CDK construct: {@link dev.pixelstep.cdk.PixelstepPipeline}
 * with its {@link dev.pixelstep.cdk.PixelstepPipelineProps}. The construct deploys the published
 * artifacts as they are: the function and layer zips, the versioned ASL definition and the
 * EventBridge rule pattern of {@code pixelstep-state-machine}.
 */
package dev.pixelstep.cdk;

/**
 * The deployable example: {@link dev.pixelstep.cdk.app.PixelstepApp} (the CDK app's main, run by
 * {@code cdk.json}), the {@link dev.pixelstep.cdk.app.PixelstepStack} it defines with its outputs,
 * and {@link dev.pixelstep.cdk.app.AppContext}, which turns {@code -c key=value} context into
 * pipeline settings.
 */
package dev.pixelstep.cdk.app;

/**
 * The real-account smoke test that {@code smoke-test.sh} runs against a freshly deployed stack:
 * {@link dev.pixelstep.cdk.smoke.SmokeTest} (the command), {@link dev.pixelstep.cdk.smoke.SmokeTestOptions}
 * (its arguments), {@link dev.pixelstep.cdk.smoke.StackOutputs} (the deployment's outputs),
 * {@link dev.pixelstep.cdk.smoke.ManifestWaiter} (waits for {@code K/manifest.json}),
 * {@link dev.pixelstep.cdk.smoke.RunCheck} (checks a run's manifest and every output it names) and
 * {@link dev.pixelstep.cdk.smoke.ExecutionTimings} (per-state timings from the execution history).
 */
package dev.pixelstep.cdk.smoke;

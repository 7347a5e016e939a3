/**
 * Internal to the functions: everything under this package is public only so that the functions'
 * packages can share it. It is not an API and may change in any release, the way Powertools for AWS
 * Lambda marks its {@code internal} packages. The documented entry points are the handlers
 * ({@code dev.pixelstep.functions.processor.ProcessorHandler},
 * {@code dev.pixelstep.functions.analyser.AnalyserHandler}), their error names
 * ({@code dev.pixelstep.functions.error}) and settings ({@code dev.pixelstep.functions.config});
 * plugin authors use {@code dev.pixelstep.spi}.
 */
package dev.pixelstep.functions.internal;

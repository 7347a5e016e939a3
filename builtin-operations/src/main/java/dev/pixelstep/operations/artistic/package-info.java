/**
 * Artistic effects, own kernels on the {@code int[]} rasters: glow, pencil sketch, cartoon,
 * halftone, oil paint, crystallize, motion, zoom and lens blur, and {@code vintage}, a preset
 * composed of other operations ({@link dev.pixelstep.spi.ComposedOperation}).
 */
package dev.pixelstep.operations.artistic;

/**
 * Detail: median (denoise), unsharp mask with a threshold, seeded noise and small convolution
 * kernels, all own kernels on the {@code int[]} rasters in parallel bands of rows.
 */
package dev.pixelstep.operations.detail;

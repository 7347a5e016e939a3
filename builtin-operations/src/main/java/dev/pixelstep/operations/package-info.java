/**
 * The built-in pixelstep operations, registered with {@link java.util.ServiceLoader}. Sub-packages
 * group them by concept: {@code color} (point operations on every pixel), {@code blur}
 * (Gaussian blur and sharpening), {@code effect} (edges, emboss, mosaic, vignette) and
 * {@code geometry} (rotate, flip, resize, crop); {@code raster} holds the shared fast kernels.
 */
package dev.pixelstep.operations;

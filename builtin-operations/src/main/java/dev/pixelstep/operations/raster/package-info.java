/**
 * Internal helpers of the built-in operations: packed {@code int[]} images, channel lookup
 * tables, the separable Gaussian, resampling and the JHLabs bridge. Not part of the SPI.
 */
package dev.pixelstep.operations.raster;

/**
 * Point operations: each output pixel depends only on the input pixel at the same place; one pass
 * over an {@code int[]} (lookup tables per channel, 3x3 colour matrices, or a per-pixel formula).
 */
package dev.pixelstep.operations.color;

/** Operations that move pixels: exact quarter turns, free rotation, flips, resize and crop. */
package dev.pixelstep.operations.geometry;

/**
 * Operations that move pixels: exact quarter turns, free rotation, flips, resize (and thumbnail),
 * crop, smart-crop and extend; {@code Focus} finds where a window shows the most (entropy or
 * attention).
 */
package dev.pixelstep.operations.geometry;

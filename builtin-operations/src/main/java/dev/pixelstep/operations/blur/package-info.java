/** Gaussian blur and unsharp-mask sharpening on an exact separable integer kernel. */
package dev.pixelstep.operations.blur;

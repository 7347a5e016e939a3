/** Stylising effects: edge detection and emboss (JHLabs), pixelate and vignette (own kernels). */
package dev.pixelstep.operations.effect;

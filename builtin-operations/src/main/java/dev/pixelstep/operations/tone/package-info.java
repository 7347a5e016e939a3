/**
 * Tone operations: curves applied to the red, green and blue channels alike as one lookup table
 * ({@code gamma}, {@code levels}, {@code curves}), some from the image's own histogram first
 * ({@code normalize}, {@code equalize}, and {@code clahe} per tile).
 */
package dev.pixelstep.operations.tone;

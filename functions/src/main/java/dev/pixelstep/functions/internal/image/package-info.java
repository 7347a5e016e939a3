/**
 * Image limits, decoding of untrusted bytes (probe the header, check, then decode) and
 * deterministic encoding.
 */
package dev.pixelstep.functions.internal.image;

/**
 * The engine's JSON configuration and the States Language timestamp format.
 */
package dev.pixelstep.asl.internal.json;

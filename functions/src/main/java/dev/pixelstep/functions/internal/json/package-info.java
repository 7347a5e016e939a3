/** JSON reading and writing shared by both handlers. */
package dev.pixelstep.functions.internal.json;

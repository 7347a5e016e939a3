/** Point operations: each output pixel depends only on the input pixel at the same place; one pass over an {@code int[]}. */
package dev.pixelstep.operations.color;

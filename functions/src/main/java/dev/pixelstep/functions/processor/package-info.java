/** The processor function: applies the chain in the object's metadata and writes combined and independent outputs. */
package dev.pixelstep.functions.processor;

/**
 * The processor function's entry point: {@link dev.pixelstep.functions.processor.ProcessorHandler}
 * (the Lambda handler) and its request and result documents. It applies the chain in the object's
 * metadata and writes combined and independent outputs; the work itself lives in
 * {@code dev.pixelstep.functions.internal.processor}.
 */
package dev.pixelstep.functions.processor;

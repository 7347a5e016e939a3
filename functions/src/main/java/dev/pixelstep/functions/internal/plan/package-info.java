/**
 * The plan of one processor request, made from the image header before any download or decoding:
 * every step's output size against the output pixel limit, the chain's work against the work
 * budget and its peak heap against the heap the function has ({@link dev.pixelstep.functions.internal.plan.ChainPlan},
 * {@link dev.pixelstep.functions.internal.plan.ChainLimits}).
 */
package dev.pixelstep.functions.internal.plan;

/**
 * SnapStart (CRaC) priming: warms the decode, operate and encode path on built-in images without
 * touching S3, then repeats it on a photo-sized one until the JIT has compiled it ({@link
 * dev.pixelstep.functions.internal.priming.JitWarmUp}).
 */
package dev.pixelstep.functions.internal.priming;

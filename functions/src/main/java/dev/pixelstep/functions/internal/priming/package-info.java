/** SnapStart (CRaC) priming: warms the decode, operate and encode path on a built-in image without touching S3. */
package dev.pixelstep.functions.internal.priming;

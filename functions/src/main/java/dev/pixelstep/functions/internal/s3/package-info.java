/** S3 access of the functions: one client per container, object lookup with event-key decoding, reads and writes. */
package dev.pixelstep.functions.internal.s3;

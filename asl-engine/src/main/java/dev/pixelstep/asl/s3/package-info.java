/**
 * The engine's view of Amazon S3, which a Distributed Map state reads its items from (ItemReader) and writes its
 * results to (ResultWriter): {@link dev.pixelstep.asl.s3.S3Port}, implemented by whoever embeds the engine (the
 * engine itself depends on no AWS SDK).
 */
package dev.pixelstep.asl.s3;

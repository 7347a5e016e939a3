package dev.pixelstep.functions.internal.json;

/**
 * The {@code input} part of both functions' results: where the image was found and what it is.
 *
 * @param bucket the bucket
 * @param key    the key the object was found under (the URL-decoded form if only that exists)
 * @param size   object size in bytes
 * @param width  width in pixels
 * @param height height in pixels
 * @param format input format, e.g. {@code jpeg}
 */
public record InputSummary(String bucket, String key, long size, int width, int height, String format) {
}

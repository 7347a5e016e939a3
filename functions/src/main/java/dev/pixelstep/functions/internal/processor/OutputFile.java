package dev.pixelstep.functions.internal.processor;

/**
 * One image the processor wrote, as listed in its result and in the manifest.
 *
 * @param key    the object key
 * @param format the format id, e.g. {@code jpeg}
 * @param width  the width in pixels
 * @param height the height in pixels
 * @param bytes  the object's size
 */
public record OutputFile(String key, String format, int width, int height, long bytes) {
}

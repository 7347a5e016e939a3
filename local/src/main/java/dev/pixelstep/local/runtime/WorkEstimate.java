package dev.pixelstep.local.runtime;

import dev.pixelstep.s3.UserMetadata;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * How much work an upload asks for, in pixel-operations: the pixels of its image (read from the
 * header, never decoded) times the operations of its chain (at least one: the analyser reads every
 * pixel too). A cheap, conservative stand-in for a per-operation cost model, used to choose the
 * lane an upload runs in. When the header cannot be read from its first bytes, four pixels per byte
 * of the file stand in for the pixel count (a compressed photo holds more pixels than bytes).
 */
final class WorkEstimate {

    /** How much of an object's start is read for its header. */
    static final int HEADER_BYTES = 256 * 1024;

    private WorkEstimate() {
    }

    /**
     * @param metadata the object's user metadata (its {@code operations} chain)
     * @param head     the object's first bytes
     * @param size     the object's size in bytes
     */
    static long of(Map<String, String> metadata, byte[] head, long size) {
        String chain = null;
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(UserMetadata.OPERATIONS)) {
                chain = entry.getValue();
            }
        }
        return pixels(head, size) * Math.max(1, operations(chain));
    }

    /** Operations in a chain: top-level commas outside parentheses and quoted text, plus one. */
    static int operations(String chain) {
        String text = UserMetadata.decode(chain);
        if (text == null || text.isBlank()) {
            return 0;
        }
        int count = 1;
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                count++;
            }
        }
        return count;
    }

    private static long pixels(byte[] head, long size) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(head))) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    return (long) reader.getWidth(0) * reader.getHeight(0);
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            // a header beyond the first bytes, or not an image at all
        }
        return size * 4;
    }
}

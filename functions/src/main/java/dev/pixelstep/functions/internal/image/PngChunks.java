package dev.pixelstep.functions.internal.image;

import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Checks the CRCs of a PNG's critical chunks ({@code IHDR}, {@code PLTE}, {@code IDAT},
 * {@code IEND}), which the JDK's PNG reader never verifies. A critical chunk with a wrong CRC is
 * damaged data, and libpng (browsers, Pillow, ImageMagick) refuses it too; an ancillary chunk
 * (text, time, colour hints; lower-case first letter) with a wrong CRC is accepted like libpng's
 * default does (it drops the chunk and shows the image): the pixels do not depend on it. Thread-safe.
 */
final class PngChunks {

    private PngChunks() {
    }

    /** The name of the first critical chunk whose CRC is wrong, or empty when none (or not a PNG's chunk layout). */
    static Optional<String> badCriticalCrc(byte[] png) {
        int at = 8;
        CRC32 crc = new CRC32();
        while (at + 12 <= png.length) {
            long length = (png[at] & 0xffL) << 24 | (png[at + 1] & 0xffL) << 16 | (png[at + 2] & 0xffL) << 8 | (png[at + 3] & 0xffL);
            if (length > png.length - at - 12L) {
                return Optional.empty(); // a truncated chunk: the reader reports it
            }
            int end = at + 8 + (int) length;
            boolean critical = (png[at + 4] & 0x20) == 0;
            if (critical) {
                crc.reset();
                crc.update(png, at + 4, 4 + (int) length);
                long stored = (png[end] & 0xffL) << 24 | (png[end + 1] & 0xffL) << 16 | (png[end + 2] & 0xffL) << 8 | (png[end + 3] & 0xffL);
                if (crc.getValue() != stored) {
                    return Optional.of(new String(png, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
                }
            }
            at = end + 4;
        }
        return Optional.empty();
    }
}

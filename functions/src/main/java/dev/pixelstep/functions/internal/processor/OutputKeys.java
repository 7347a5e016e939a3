package dev.pixelstep.functions.internal.processor;

import dev.pixelstep.functions.internal.image.ImageFormat;

import java.util.Locale;

/**
 * Output keys for input key {@code K}: {@code K/combined.<ext>} and
 * {@code K/independent/<nn>-<operation>.<ext>} with {@code nn = 01, 02, ...} in chain order.
 *
 * @param inputKey the key of the input object
 * @param format   the output format, which gives the extension
 */
public record OutputKeys(String inputKey, ImageFormat format) {

    /** {@code K/combined.<ext>}. */
    public String combined() {
        return inputKey + "/combined." + format.extension();
    }

    /** {@code K/independent/<nn>-<operation>.<ext>} for the 1-based {@code index}. */
    public String independent(int index, String operation) {
        return String.format(Locale.ROOT, "%s/independent/%02d-%s.%s", inputKey, index, operation, format.extension());
    }
}

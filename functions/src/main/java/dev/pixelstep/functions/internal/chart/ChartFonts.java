package dev.pixelstep.functions.internal.chart;

import dev.pixelstep.operations.raster.BundledFont;

import java.awt.Font;

/**
 * The font every chart text element uses: the built-in operations' bundled DejaVu Sans
 * ({@link BundledFont}, in the layer), because the Lambda Java runtime has no system fonts;
 * {@link BundledFont} also points the JDK at a font configuration of its own, so that its font
 * manager starts without any system font. Every chart element gets the font explicitly, so charts
 * look the same on every machine.
 */
public final class ChartFonts {

    private ChartFonts() {
    }

    /** The bundled font at {@code size} points in {@code style} ({@link Font#PLAIN} or {@link Font#BOLD}). */
    public static Font of(int style, float size) {
        return BundledFont.of(size).deriveFont(style);
    }
}

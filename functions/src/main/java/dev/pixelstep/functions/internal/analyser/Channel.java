package dev.pixelstep.functions.internal.analyser;

import java.awt.Color;

/**
 * The channels a histogram counts. {@link #LUMINANCE} is Rec. 709 luma of the stored (gamma-encoded)
 * values, {@code Y' = 0.2126 R' + 0.7152 G' + 0.0722 B'}, rounded to the nearest of 0..255.
 */
public enum Channel {
    RED("red", "Red", new Color(0xD62728)),
    GREEN("green", "Green", new Color(0x2CA02C)),
    BLUE("blue", "Blue", new Color(0x1F77B4)),
    LUMINANCE("luminance", "Luminance (Rec. 709)", new Color(0x333333));

    private final String id;
    private final String label;
    private final Color colour;

    Channel(String id, String label, Color colour) {
        this.id = id;
        this.label = label;
        this.colour = colour;
    }

    /** The JSON name, e.g. {@code red}. */
    public String id() {
        return id;
    }

    /** The chart legend text. */
    public String label() {
        return label;
    }

    /** The chart line colour. */
    public Color colour() {
        return colour;
    }
}

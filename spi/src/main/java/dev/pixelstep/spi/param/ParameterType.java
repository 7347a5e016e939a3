package dev.pixelstep.spi.param;

/** The value types an operation parameter can have. */
public enum ParameterType {
    /** A whole number within a closed range ({@link IntParameter}). */
    INT,
    /** A decimal number within a closed range ({@link DoubleParameter}). */
    DOUBLE,
    /** {@code true} or {@code false} ({@link BooleanParameter}). */
    BOOLEAN,
    /** One of a fixed list of lower-case words ({@link ChoiceParameter}). */
    CHOICE,
    /** An sRGB colour, written {@code #rrggbb}, {@code #rrggbbaa} or by name ({@link ColorParameter}). */
    COLOR,
    /** A short quoted string ({@link TextParameter}). */
    TEXT
}

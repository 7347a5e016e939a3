package dev.pixelstep.functions.internal.chart;

import java.awt.Color;
import java.util.Objects;

/**
 * One line of a histogram chart: a legend label, a colour and one count per value.
 *
 * @param label  legend text
 * @param colour line colour
 * @param counts count per value 0..n-1
 */
public record ChartSeries(String label, Color colour, long[] counts) {

    public ChartSeries {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(colour, "colour");
        counts = counts.clone();
    }
}

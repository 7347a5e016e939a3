package dev.pixelstep.functions.internal.chart;

import dev.pixelstep.functions.internal.image.EncodedImage;
import dev.pixelstep.functions.internal.image.ImageEncoder;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders overlaid histogram lines as a PNG with JFreeChart: value 0..255 on the x axis, share
 * of pixels in percent on the y axis, a title, a subtitle and a legend. Every text element uses
 * the bundled {@link ChartFonts} font, so rendering needs no system fonts. The same data always
 * gives the same bytes, whatever was drawn before. Thread-safe.
 */
public final class HistogramChart {

    /** Chart width in pixels. */
    public static final int WIDTH = 960;
    /** Chart height in pixels. */
    public static final int HEIGHT = 540;

    private final ImageEncoder encoder;
    /** Built on first use; guarded by {@code this}. */
    private Template template;

    public HistogramChart(ImageEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * Renders the series as PNG bytes ({@link ImageEncoder#encodeDrawing}).
     *
     * @param title    the chart title
     * @param subtitle a second line under the title, e.g. the object key
     * @param series   the lines, drawn in order; all of the same length, each with a label of its own
     * @throws IllegalArgumentException if two lines have the same label
     */
    public byte[] renderPng(String title, String subtitle, List<ChartSeries> series) {
        BufferedImage image = render(title, subtitle, series);
        EncodedImage png = encoder.encodeDrawing(image);
        return png.toByteArray();
    }

    /**
     * Renders the series into an opaque image of {@link #WIDTH} x {@link #HEIGHT}. The chart
     * (plot, axes, renderer, legend, fonts) is built once per instance and reused as a template:
     * each call replaces its data and titles and draws it; calls are serialised, since JFreeChart
     * objects are not thread-safe.
     */
    public BufferedImage render(String title, String subtitle, List<ChartSeries> series) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setFont(ChartFonts.of(Font.PLAIN, 12f));
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
            synchronized (this) {
                if (template == null) {
                    template = new Template();
                }
                template.fill(title, subtitle, series).draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The reusable chart: everything but the data and the two titles. */
    private static final class Template {
        private final DefaultXYDataset dataset = new DefaultXYDataset();
        private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        private final TextTitle subtitle = new TextTitle("", ChartFonts.of(Font.PLAIN, 13f));
        private final JFreeChart chart;

        Template() {
            renderer.setDefaultItemLabelFont(ChartFonts.of(Font.PLAIN, 11f));
            renderer.setDefaultLegendTextFont(ChartFonts.of(Font.PLAIN, 13f));

            NumberAxis x = axis("Value (0 = dark, 255 = bright)");
            x.setRange(0, 255);
            x.setTickUnit(new NumberTickUnit(32));
            NumberAxis y = axis("Share of pixels (%)");
            y.setAutoRangeIncludesZero(true);
            y.setNumberFormatOverride(new DecimalFormat("0.0##"));

            XYPlot plot = new XYPlot(dataset, x, y, renderer);
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(new Color(0xDDDDDD));
            plot.setRangeGridlinePaint(new Color(0xDDDDDD));
            plot.setNoDataMessageFont(ChartFonts.of(Font.PLAIN, 14f));

            chart = new JFreeChart("", ChartFonts.of(Font.BOLD, 20f), plot, false);
            chart.setBackgroundPaint(Color.WHITE);
            chart.setTextAntiAlias(true);
            chart.setAntiAlias(true);
            subtitle.setPaint(new Color(0x555555));
            chart.addSubtitle(subtitle);
            LegendTitle legend = new LegendTitle(plot);
            legend.setItemFont(ChartFonts.of(Font.PLAIN, 13f));
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setBackgroundPaint(Color.WHITE);
            chart.addLegend(legend);
        }

        /** The chart with these titles and lines (replacing the previous ones). */
        JFreeChart fill(String title, String subtitleText, List<ChartSeries> series) {
            Set<String> labels = new HashSet<>();
            for (ChartSeries s : series) {
                if (!labels.add(s.label())) { // the dataset would replace the earlier line
                    throw new IllegalArgumentException("two lines labelled " + s.label());
                }
            }
            chart.setNotify(false);
            while (dataset.getSeriesCount() > 0) {
                dataset.removeSeries(dataset.getSeriesKey(0));
            }
            for (int i = 0; i < series.size(); i++) {
                ChartSeries s = series.get(i);
                dataset.addSeries(s.label(), percentages(s));
                renderer.setSeriesPaint(i, s.colour());
                renderer.setSeriesStroke(i, new BasicStroke(1.6f));
            }
            chart.getTitle().setText(title);
            subtitle.setText(subtitleText);
            chart.setNotify(true);
            return chart;
        }
    }

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setLabelFont(ChartFonts.of(Font.PLAIN, 14f));
        axis.setTickLabelFont(ChartFonts.of(Font.PLAIN, 12f));
        axis.setLabelPaint(Color.DARK_GRAY);
        axis.setTickLabelPaint(Color.DARK_GRAY);
        return axis;
    }

    /**
     * The line's points as {@link DefaultXYDataset} takes them: values and percentages. (An
     * {@code XYSeries} made every point an object and searched the points before it for a duplicate
     * value on every add: 6-10% of a warm render.)
     */
    private static double[][] percentages(ChartSeries s) {
        long total = 0;
        for (long c : s.counts()) {
            total += c;
        }
        long[] counts = s.counts();
        double[][] out = new double[2][counts.length];
        for (int v = 0; v < counts.length; v++) {
            out[0][v] = v;
            out[1][v] = total == 0 ? 0 : 100.0 * counts[v] / total;
        }
        return out;
    }
}

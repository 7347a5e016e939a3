package dev.pixelstep.functions.internal.analyser;

import dev.pixelstep.functions.internal.json.InputSummary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code histogram-<label>.json} document: schema {@value #SCHEMA}, the input, and per channel
 * the statistics and the 256 counts.
 */
final class HistogramDocument {

    static final String SCHEMA = "pixelstep/histogram/v1";

    private HistogramDocument() {
    }

    static Map<String, Object> of(String label, InputSummary input, ImageHistogram histogram) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        doc.put("label", label);
        doc.put("input", input);
        doc.put("width", histogram.width());
        doc.put("height", histogram.height());
        doc.put("pixels", histogram.pixels());
        doc.put("luminance", "rec709");
        doc.put("bins", ImageHistogram.BINS);
        Map<String, Object> channels = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            ChannelStatistics s = histogram.statistics(channel);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("mean", s.mean());
            c.put("standardDeviation", s.standardDeviation());
            c.put("min", s.min());
            c.put("max", s.max());
            c.put("counts", histogram.counts(channel));
            channels.put(channel.id(), c);
        }
        doc.put("channels", channels);
        return doc;
    }
}

package dev.pixelstep.functions.internal.analyser;

import dev.pixelstep.functions.analyser.AnalyseRequest;
import dev.pixelstep.functions.analyser.AnalyseResult;
import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.internal.chart.ChartSeries;
import dev.pixelstep.functions.internal.chart.HistogramChart;
import dev.pixelstep.functions.internal.concurrent.DaemonThreads;
import dev.pixelstep.functions.internal.image.ImageDecoder;
import dev.pixelstep.functions.internal.image.ReadImage;
import dev.pixelstep.functions.internal.json.InputSummary;
import dev.pixelstep.functions.internal.json.JsonCodec;
import dev.pixelstep.functions.internal.s3.ObjectBytes;
import dev.pixelstep.functions.internal.s3.ObjectStore;
import dev.pixelstep.functions.internal.s3.StoredObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The analyser's work for one object, independent of Lambda: find and download it (one GetObject,
 * its size checked before the body is read), check its pixel count and decode, count the histograms (from the rows as they are decoded where
 * pixelstep's JPEG decoder takes the file, {@link HistogramCounter}; else from the decoded image), then write
 * {@code <prefix>/histogram-<label>.json} and {@code <prefix>/histogram-<label>.png} to the output
 * bucket, the document on a thread of its own while the chart is drawn; both are written before
 * {@link #analyse} returns or throws. Thread-safe.
 */
public final class Analyser {

    private final FunctionConfig config;
    private final ObjectStore store;
    private final ImageDecoder decoder;
    private final HistogramChart chart;
    /** Writes the JSON document while the caller draws the chart; threads are made as analyses overlap. */
    private final ExecutorService writer = Executors.newCachedThreadPool(DaemonThreads.named("write"));

    public Analyser(FunctionConfig config, ObjectStore store, ImageDecoder decoder, HistogramChart chart) {
        this.config = config;
        this.store = store;
        this.decoder = decoder;
        this.chart = chart;
    }

    /** Analyses one object. */
    public AnalyseResult analyse(AnalyseRequest request) {
        long start = System.nanoTime();
        ObjectBytes whole = store.readWhole(request.bucket(), request.key(), config.limits());
        StoredObject object = whole.object();
        long readDone = System.nanoTime();
        HistogramCounter counter = new HistogramCounter();
        ReadImage read = decoder.read(object.uri(), whole.bytes(), counter); // pixelstep's JPEG decoder: counted as decoded
        whole = null; // the encoded input is not needed any more
        long decodeDone = System.nanoTime();
        ImageHistogram histogram = counter.histogram(read); // any other reader: of the image, in its layout
        InputSummary input = new InputSummary(object.bucket(), object.key(), object.size(), read.width(), read.height(),
                read.format().id());
        long countDone = System.nanoTime();

        String prefix = request.resultPrefix().orElse(object.key());
        String jsonKey = prefix + "/histogram-" + request.label() + ".json";
        String chartKey = prefix + "/histogram-" + request.label() + ".png";
        byte[] json = JsonCodec.toPrettyBytes(HistogramDocument.of(request.label(), input, histogram));
        // the document uploads while the chart is drawn: on Lambda a PutObject waits tens of milliseconds
        // for the network, billed time the chart's CPU work can fill
        CompletableFuture<Void> jsonWritten = CompletableFuture.runAsync(
                () -> store.write(config.outputBucket(), jsonKey, "application/json", json), writer);
        try {
            byte[] png = chart.renderPng("Histogram: " + request.label(), object.bucket() + "/" + object.key(), series(histogram));
            store.write(config.outputBucket(), chartKey, "image/png", png);
        } catch (RuntimeException | Error e) {
            // nothing of this request goes on after it has failed; the document's failure, if any, joins this one
            jsonWritten.exceptionally(failure -> {
                e.addSuppressed(thrown(failure));
                return null;
            }).join();
            throw e;
        }
        try {
            jsonWritten.join(); // waits whatever interrupts come, keeping them
        } catch (CompletionException e) {
            if (thrown(e) instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) thrown(e); // the write's own failure, as it was thrown
        }
        long end = System.nanoTime();

        Map<String, ChannelStatistics> statistics = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            statistics.put(channel.id(), histogram.statistics(channel));
        }
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("read", millis(readDone - start));
        timings.put("decode", millis(decodeDone - readDone));
        timings.put("histogram", millis(countDone - decodeDone));
        timings.put("write", millis(end - countDone));
        timings.put("total", millis(end - start));
        return new AnalyseResult(request.label(), input, config.outputBucket(), new AnalyseResult.Outputs(jsonKey, chartKey),
                histogram.width(), histogram.height(), histogram.pixels(), "rec709", statistics, timings);
    }

    /** The chart lines of a histogram: one per channel. */
    static List<ChartSeries> series(ImageHistogram histogram) {
        List<ChartSeries> out = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            out.add(new ChartSeries(channel.label(), channel.colour(), histogram.counts(channel)));
        }
        return out;
    }

    /** What the document's write threw, which its future holds wrapped in a {@link CompletionException}. */
    private static Throwable thrown(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}

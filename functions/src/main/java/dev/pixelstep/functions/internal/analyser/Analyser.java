package dev.pixelstep.functions.internal.analyser;

import dev.pixelstep.functions.analyser.AnalyseRequest;
import dev.pixelstep.functions.analyser.AnalyseResult;
import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.internal.chart.ChartSeries;
import dev.pixelstep.functions.internal.concurrent.DaemonThreads;
import dev.pixelstep.functions.internal.chart.HistogramChart;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        byte[] bytes = whole.bytes();
        whole = null; // the bytes are let go of after decoding (below)
        long readDone = System.nanoTime();
        HistogramCounter counter = new HistogramCounter();
        ReadImage read = decoder.read(object.uri(), bytes, counter); // pixelstep's JPEG decoder: counted as decoded
        bytes = null; // the encoded input is not needed any more
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
        Future<?> jsonWritten = writer.submit(() -> store.write(config.outputBucket(), jsonKey, "application/json", json));
        try {
            byte[] png = chart.renderPng("Histogram: " + request.label(), object.bucket() + "/" + object.key(), series(histogram));
            store.write(config.outputBucket(), chartKey, "image/png", png);
        } catch (RuntimeException | Error e) {
            awaitQuietly(jsonWritten, e); // nothing of this request goes on after it has failed
            throw e;
        }
        await(jsonWritten);
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

    /** Waits for {@code write} and rethrows its failure as it was thrown. */
    private static void await(Future<?> write) {
        try {
            getUninterruptibly(write);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits for {@code write} after {@code failure}, which its own failure joins as a suppressed exception. */
    private static void awaitQuietly(Future<?> write, Throwable failure) {
        try {
            getUninterruptibly(write);
        } catch (ExecutionException e) {
            failure.addSuppressed(e.getCause());
        }
    }

    /** {@link Future#get()}, keeping an interrupt for the caller instead of leaving the write running. */
    private static void getUninterruptibly(Future<?> write) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    write.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}

package dev.pixelstep.functions.internal.analyser;

import dev.pixelstep.functions.internal.chart.HistogramChart;
import dev.pixelstep.functions.internal.image.ImageDecoder;
import dev.pixelstep.functions.internal.image.ImageEncoder;
import dev.pixelstep.functions.internal.image.ImageFormat;
import dev.pixelstep.functions.internal.json.InputSummary;
import dev.pixelstep.functions.internal.json.JsonCodec;
import dev.pixelstep.functions.internal.priming.JitWarmUp;
import dev.pixelstep.functions.internal.priming.Priming;
import dev.pixelstep.functions.internal.priming.PrimingReport;
import dev.pixelstep.functions.internal.priming.SampleImage;

/**
 * Warms the analyser's path without S3: encodes and decodes the {@link SampleImage} as JPEG and
 * PNG, counts its histograms, writes the JSON document and renders the chart, then takes the SDK's
 * requests up to (not onto) the wire. Last it counts the photo-sized {@link SampleImage#photo} as
 * its JPEG is decoded, writes its document and renders its chart, round after round, until the JIT
 * has compiled that path ({@link JitWarmUp}).
 */
public final class AnalyserPrimer {

    private final ImageDecoder decoder;
    private final ImageEncoder encoder;
    private final HistogramChart chart;
    private final Runnable warmS3;
    private final JitWarmUp warmUp;

    public AnalyserPrimer(ImageDecoder decoder, ImageEncoder encoder, HistogramChart chart, Runnable warmS3, JitWarmUp warmUp) {
        this.decoder = decoder;
        this.encoder = encoder;
        this.chart = chart;
        this.warmS3 = warmS3;
        this.warmUp = warmUp;
    }

    public PrimingReport prime() {
        Priming priming = new Priming();
        ImageHistogram[] counted = new ImageHistogram[1];
        priming.run("decode-png", () -> decoder.decode("the priming sample",
                encoder.encode(SampleImage.create(false), ImageFormat.PNG).toByteArray()));
        priming.run("decode-jpeg", () -> { // the analyser's path: the histogram counted as the JPEG is decoded
            HistogramCounter counter = new HistogramCounter();
            counted[0] = counter.histogram(decoder.read("the priming sample",
                    encoder.encode(SampleImage.create(true), ImageFormat.JPEG).toByteArray(), counter));
        });
        ImageHistogram histogram = counted[0] == null ? ImageHistogram.of(SampleImage.create(true)) : counted[0];
        InputSummary input = new InputSummary("bucket", "key", 1, histogram.width(), histogram.height(), "jpeg");
        return priming
                .run("json", () -> JsonCodec.toPrettyBytes(HistogramDocument.of("priming", input, histogram)))
                .run("chart", () -> chart.renderPng("Histogram: priming", "bucket/key", Analyser.series(histogram)))
                .run("s3-requests", warmS3)
                .warm(warmUp, () -> encoder.encode(SampleImage.photo(), ImageFormat.JPEG).toByteArray(), photo -> {
                    HistogramCounter counter = new HistogramCounter();
                    ImageHistogram photoHistogram = counter.histogram(decoder.read("the priming photo", photo, counter));
                    InputSummary summary = new InputSummary("bucket", "key", photo.length, photoHistogram.width(), photoHistogram.height(), "jpeg");
                    JsonCodec.toPrettyBytes(HistogramDocument.of("priming", summary, photoHistogram));
                    chart.renderPng("Histogram: priming", "bucket/key", Analyser.series(photoHistogram));
                })
                .report();
    }
}

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

import java.util.List;

/**
 * Warms the analyser's path without S3: encodes and decodes the {@link SampleImage} as JPEG and
 * PNG, counts its histograms, writes the JSON document and renders the chart, then sends the SDK's
 * requests to a loopback stand-in for S3 ({@link dev.pixelstep.functions.internal.s3.S3Priming}).
 * Last, round after round until the JIT has compiled that path ({@link JitWarmUp}), it analyses the photo-sized sample as two JPEGs, an upload's ({@link
 * SampleImage#photoAsUploaded}, what the analysis of the original reads) and pixelstep's own (with
 * restart markers, what the analysis of the combined image reads): counted as decoded, the document
 * written, the chart rendered.
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

    /** The analyser's path for one JPEG: counted as decoded, the document written, the chart rendered. */
    private void analyse(byte[] photo) {
        HistogramCounter counter = new HistogramCounter();
        ImageHistogram histogram = counter.histogram(decoder.read("the priming photo", photo, counter));
        InputSummary summary = new InputSummary("bucket", "key", photo.length, histogram.width(), histogram.height(), "jpeg");
        JsonCodec.toPrettyBytes(HistogramDocument.of("priming", summary, histogram));
        chart.renderPng("Histogram: priming", "bucket/key", Analyser.series(histogram));
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
                .warm(warmUp, () -> List.of(SampleImage.photoAsUploaded(), encoder.encode(SampleImage.photo(), ImageFormat.JPEG).toByteArray()),
                        photos -> photos.forEach(this::analyse))
                .report();
    }
}

package dev.pixelstep.functions.internal.processor;

import dev.pixelstep.functions.internal.image.ImageDecoder;
import dev.pixelstep.functions.internal.image.ImageEncoder;
import dev.pixelstep.functions.internal.image.ImageFormat;
import dev.pixelstep.functions.internal.json.InputSummary;
import dev.pixelstep.functions.internal.json.JsonCodec;
import dev.pixelstep.functions.internal.priming.JitWarmUp;
import dev.pixelstep.functions.internal.priming.Priming;
import dev.pixelstep.functions.internal.priming.PrimingReport;
import dev.pixelstep.functions.internal.priming.SampleImage;
import dev.pixelstep.functions.processor.ProcessResult;
import dev.pixelstep.spi.chain.ChainStep;
import dev.pixelstep.spi.chain.OperationChain;
import dev.pixelstep.spi.registry.OperationRegistry;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Warms the processor's path without S3: encodes the {@link SampleImage} as JPEG and PNG, decodes
 * both, runs every registered operation (at its defaults, at most 16) through the
 * {@link ChainRunner} with opaque and transparent sources into a sink that drops the bytes, and
 * writes a result as JSON, then sends the SDK's HeadObject, GetObject and PutObject requests to a
 * loopback stand-in for S3 ({@link dev.pixelstep.functions.internal.s3.S3Priming}). Last it
 * decodes the photo-sized sample as an upload's JPEG ({@link SampleImage#photoAsUploaded}) and runs
 * the same chain on it, every other round on the photo in grey ({@link SampleImage#inGrey}), round
 * after round until the JIT has compiled that path ({@link JitWarmUp}).
 */
public final class ProcessorPrimer {

    private final OperationRegistry registry;
    private final ImageDecoder decoder;
    private final ImageEncoder encoder;
    private final ChainRunner pipeline;
    private final Runnable warmS3;
    private final JitWarmUp warmUp;

    public ProcessorPrimer(OperationRegistry registry, ImageDecoder decoder, ImageEncoder encoder, ChainRunner pipeline, Runnable warmS3,
                           JitWarmUp warmUp) {
        this.registry = registry;
        this.decoder = decoder;
        this.encoder = encoder;
        this.pipeline = pipeline;
        this.warmS3 = warmS3;
        this.warmUp = warmUp;
    }

    public PrimingReport prime() {
        BufferedImage opaque = SampleImage.create(true);
        BufferedImage transparent = SampleImage.create(false);
        List<ChainStep> steps = registry.operations().stream().limit(OperationChain.MAX_OPERATIONS).map(ChainStep::of).toList();
        OperationChain chain = OperationChain.of(steps);
        OutputSink discard = (key, image) -> {
        };
        return new Priming()
                .run("decode-jpeg", () -> decoder.decode("the priming sample", encoder.encode(opaque, ImageFormat.JPEG).toByteArray()))
                .run("decode-png", () -> decoder.decode("the priming sample", encoder.encode(transparent, ImageFormat.PNG).toByteArray()))
                .run("operations-jpeg", () -> pipeline.run(opaque, chain, new OutputKeys("priming", ImageFormat.JPEG), discard))
                .run("operations-png", () -> pipeline.run(transparent, chain, new OutputKeys("priming", ImageFormat.PNG), discard))
                .run("json", () -> JsonCodec.toBytes(new ProcessResult(
                        new InputSummary("bucket", "key", 1, SampleImage.WIDTH, SampleImage.HEIGHT, "jpeg"), "output",
                        chain.toString(), steps.stream().map(s -> OperationSummary.of(1, s)).toList(),
                        new ProcessResult.Outputs("key/combined.jpg", List.of(), List.of(new OutputFile("key/combined.jpg", "jpeg", 1, 1, 1))),
                        Map.of("total", 0L))))
                .run("s3-requests", warmS3)
                .warm(warmUp, () -> new JitRounds(SampleImage.photoAsUploaded(), SampleImage.inGrey(SampleImage.photo()), new AtomicInteger()),
                        rounds -> {
                            BufferedImage photo = decoder.decode("the priming photo", rounds.upload()).image();
                            BufferedImage source = rounds.done().getAndIncrement() % 2 == 0 ? photo : rounds.grey();
                            pipeline.run(source, chain, new OutputKeys("priming", ImageFormat.JPEG), discard);
                        })
                .report();
    }

    /**
     * The JIT's rounds: each decodes the upload and runs the chain on it, every other round on the
     * photo in grey instead (chains that start with {@code grayscale} hand every later step a grey
     * image; the chain does not modify its source, so one grey image serves every such round).
     *
     * @param upload the photo as uploads come ({@link SampleImage#photoAsUploaded})
     * @param grey   the photo in grey ({@link SampleImage#inGrey})
     * @param done   rounds run so far
     */
    private record JitRounds(byte[] upload, BufferedImage grey, AtomicInteger done) {
    }
}

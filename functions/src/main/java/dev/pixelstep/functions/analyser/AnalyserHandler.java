package dev.pixelstep.functions.analyser;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.config.SettingSource;
import dev.pixelstep.functions.internal.analyser.Analyser;
import dev.pixelstep.functions.internal.analyser.AnalyserPrimer;
import dev.pixelstep.functions.internal.chart.HistogramChart;
import dev.pixelstep.functions.internal.image.ImageDecoder;
import dev.pixelstep.functions.internal.image.ImageEncoder;
import dev.pixelstep.functions.internal.json.JsonCodec;
import dev.pixelstep.functions.internal.priming.JitWarmUp;
import dev.pixelstep.functions.internal.priming.PrimingReport;
import dev.pixelstep.functions.internal.priming.PrimingResource;
import dev.pixelstep.functions.internal.s3.ObjectStore;
import dev.pixelstep.functions.internal.s3.S3ClientFactory;
import dev.pixelstep.functions.internal.s3.S3Priming;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * Lambda handler of the analyser: {@code dev.pixelstep.functions.analyser.AnalyserHandler}.
 *
 * <p>Input {@code {"bucket", "key", "label", "resultPrefix"}} ({@code resultPrefix} optional,
 * other fields ignored); output the {@link AnalyseResult} as JSON. Errors are thrown:
 * {@link dev.pixelstep.functions.error.BadInputException} subclasses for input that retrying
 * cannot fix, anything else (S3 faults) for retry.
 *
 * <p>Construction reads the configuration, builds the S3 client and registers a SnapStart
 * priming hook; all once per container.
 */
public final class AnalyserHandler implements RequestStreamHandler {

    private final Analyser analyser;
    private final AnalyserPrimer primer;
    /** Held, never read: CRaC keeps a registered resource only as long as something else refers to it. */
    @SuppressWarnings("unused")
    private final PrimingResource priming;

    /**
     * Reads the configuration from environment variables or system properties (see
     * {@link FunctionConfig}); this is the constructor Lambda calls.
     */
    public AnalyserHandler() {
        this(SettingSource.system());
    }

    /**
     * Reads the configuration, and the S3 client's region and credentials, from exactly
     * {@code environment}: what Lambda would set as the function's environment variables. For hosts
     * that run several functions in one JVM, such as the local runtime, where JVM-wide system
     * properties would be shared by all of them.
     *
     * @param environment the function's settings, by the names of {@link FunctionConfig} and
     *                    {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY},
     *                    {@code AWS_SESSION_TOKEN}
     */
    public AnalyserHandler(Map<String, String> environment) {
        this(SettingSource.of(environment));
    }

    private AnalyserHandler(SettingSource settings) {
        this(FunctionConfig.from(settings), settings);
    }

    private AnalyserHandler(FunctionConfig config, SettingSource settings) {
        this(config, S3ClientFactory.create(config, settings));
    }

    /** Uses the given configuration and client. */
    public AnalyserHandler(FunctionConfig config, S3Client s3) {
        ImageDecoder decoder = new ImageDecoder(config.limits());
        ImageEncoder encoder = new ImageEncoder();
        HistogramChart chart = new HistogramChart(encoder);
        this.analyser = new Analyser(config, new ObjectStore(s3), decoder, chart);
        this.primer = new AnalyserPrimer(decoder, encoder, chart, () -> S3Priming.warm(config),
                new JitWarmUp(JitWarmUp.BUDGET));
        this.priming = PrimingResource.register(this::prime);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        AnalyseRequest request = AnalyseRequest.from(JsonCodec.readRequest(input));
        AnalyseResult result = analyser.analyse(request);
        if (context != null) {
            context.getLogger().log("analysed s3://" + result.input().bucket() + "/" + result.input().key() + " as '" + result.label()
                    + "' into " + result.outputs().histogram() + ", timings " + result.timingsMs() + "\n");
        }
        JsonCodec.write(output, result);
    }

    /**
     * Warms the decode, histogram, JSON and chart path on a built-in image without touching S3.
     * Runs before a SnapStart snapshot; public so that it can be called and measured directly.
     */
    public PrimingReport prime() {
        return primer.prime();
    }

}

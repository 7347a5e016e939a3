package dev.pixelstep.functions.internal.analyser;

import dev.pixelstep.functions.analyser.AnalyseRequest;
import dev.pixelstep.functions.analyser.AnalyseResult;
import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.internal.chart.HistogramChart;
import dev.pixelstep.functions.internal.image.ImageDecoder;
import dev.pixelstep.functions.internal.image.ImageEncoder;
import dev.pixelstep.functions.internal.image.ImageFormat;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.functions.internal.image.TestDecoders;
import dev.pixelstep.functions.internal.s3.ObjectStore;
import dev.pixelstep.functions.support.Buckets;
import dev.pixelstep.functions.support.S3ProxyExtension;
import dev.pixelstep.functions.support.S3ProxyServer;
import dev.pixelstep.functions.support.TestImages;
import dev.pixelstep.testkit.gen.ExifFixture;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analyser's outputs do not depend on the decoder: with pixelstep's JPEG decoder (the histogram
 * counted from its rows as they are converted, no image) and with ImageIO only (the histogram of
 * the decoded image, as with {@code -Dpixelstep.jpeg.imageio=true} or on JDK 17), the JSON document
 * and the chart are the same bytes and the result the same but for the timings, on any JDK. Against
 * a real S3 API (S3Proxy on loopback).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(S3ProxyExtension.class)
class AnalyserDecodersTest {

    private final S3ProxyServer s3;

    AnalyserDecodersTest(S3ProxyServer s3) {
        this.s3 = s3;
    }



    @ParameterizedTest
    @ValueSource(strings = {"photo", "photo turned by EXIF", "pixelstep's JPEG", "grey"})
    void theDocumentChartAndResultAreTheSameWithEitherDecoder(String which) {
        byte[] jpeg = input(which);
        HistogramCounter counter = new HistogramCounter();
        assertTrue(TestDecoders.ownJpeg().read(which, jpeg, counter).image().isEmpty(), "pixelstep's decoder takes " + which);
        String in = Buckets.fresh("in");
        s3.createBucket(in);
        s3.put(in, "upload.jpg", jpeg, Map.of());
        AnalyseRequest request = new AnalyseRequest(in, "upload.jpg", "original", Optional.empty());
        String[] outs = {Buckets.fresh("out"), Buckets.fresh("out")};
        ImageDecoder[] decoders = {TestDecoders.ownJpeg(), TestDecoders.imageIoOnly()};
        AnalyseResult[] results = new AnalyseResult[2];
        for (int i = 0; i < 2; i++) {
            s3.createBucket(outs[i]);
            FunctionConfig config = new FunctionConfig(outs[i], ImageLimits.defaults(), Optional.empty(), true);
            results[i] = new Analyser(config, new ObjectStore(s3.client()), decoders[i], new HistogramChart(new ImageEncoder()))
                    .analyse(request);
        }
        for (String key : new String[] {"upload.jpg/histogram-original.json", "upload.jpg/histogram-original.png"}) {
            assertArrayEquals(s3.get(outs[1], key), s3.get(outs[0], key), which + ": " + key);
        }
        AnalyseResult own = results[0];
        AnalyseResult imageIo = results[1];
        assertEquals(imageIo.input(), own.input(), which);
        assertEquals(imageIo.width(), own.width(), which);
        assertEquals(imageIo.height(), own.height(), which);
        assertEquals(imageIo.pixels(), own.pixels(), which);
        assertEquals(imageIo.statistics(), own.statistics(), which);
        if (which.contains("EXIF")) {
            assertEquals(1600, own.width(), "upright: the sides swapped");
            assertEquals(2560, own.height());
            assertEquals(1600, own.input().width());
        }
    }

    private static byte[] input(String which) {
        return switch (which) {
            case "photo" -> TestImages.photo();
            case "photo turned by EXIF" -> ExifFixture.inJpeg(TestImages.photo(), ExifFixture.tiff(6, ByteOrder.BIG_ENDIAN));
            case "pixelstep's JPEG" -> new ImageEncoder().encode(TestImages.picture(1203, 797, false), ImageFormat.JPEG).toByteArray();
            case "grey" -> {
                BufferedImage grey = new BufferedImage(517, 389, BufferedImage.TYPE_BYTE_GRAY);
                grey.getGraphics().drawImage(TestImages.picture(517, 389, false), 0, 0, null);
                yield TestImages.encode(grey, "jpeg");
            }
            default -> throw new IllegalArgumentException(which);
        };
    }
}

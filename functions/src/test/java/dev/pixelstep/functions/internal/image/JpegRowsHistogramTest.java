package dev.pixelstep.functions.internal.image;

import dev.pixelstep.functions.internal.analyser.HistogramCounter;
import dev.pixelstep.functions.internal.analyser.ImageHistogram;
import dev.pixelstep.functions.support.Histograms;
import dev.pixelstep.functions.support.TestImages;
import dev.pixelstep.testkit.photos.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analyser's histogram counted from the rows pixelstep's JPEG decoder converts
 * ({@link PixelRows}, {@link HistogramCounter}) is exactly {@link ImageHistogram#of} the image the
 * same decoder builds: real photos, pixelstep's own JPEGs (restart markers: intervals decoded and
 * strips converted in parallel), every sampling it takes at odd sizes, grey files, restart
 * intervals, on one thread and on four (conversion beside decoding on the common pool). And rows
 * counted before a decline never reach the histogram of the file ImageIO then decodes.
 */
class JpegRowsHistogramTest {

    private static final long NO_LIMIT = Long.MAX_VALUE;

    @Test
    void realPhotosCountLikeTheirDecodedImage() throws IOException {
        int compared = 0;
        for (Path file : TestPhotos.all()) {
            byte[] jpeg = Files.readAllBytes(file);
            try {
                JpegFrame.parse(jpeg);
            } catch (JpegDeclined progressive) {
                continue; // ImageIO decodes it (JpegDecoderTest)
            }
            assertCountsLikeTheImage(file.getFileName().toString(), jpeg);
            compared++;
        }
        assertTrue(compared >= 3, compared + " baseline photos");
    }

    @Test
    void pixelstepsOwnJpegOfAPhotoCountsLikeItsDecodedImage() throws IOException {
        // what the analyser of the combined image reads: restart markers every 64 rows, so the
        // intervals are decoded in parallel and the strips converted in parallel, one counter each
        BufferedImage photo = JpegDecoder.decodeOrDecline(Files.readAllBytes(TestPhotos.jpeg()), NO_LIMIT, 1);
        byte[] ours = new ImageEncoder().encode(photo, ImageFormat.JPEG).toByteArray();
        assertTrue(JpegSegments.parse(ours).first(0xDD).u16(0) > 0, "restart markers");
        assertCountsLikeTheImage("pixelstep's JPEG of " + TestPhotos.jpeg().getFileName(), ours);
    }

    @ParameterizedTest(name = "{0}x{1}, sampling {2}x{3}, restart {4}")
    @CsvSource({
            "640,480,2,2,0", "641,479,2,2,0", "17,9,2,2,0", "1,1,2,2,0", "3,5,2,2,0", "5,3,2,2,0", "333,222,2,2,7", "333,222,2,2,1",
            "640,480,2,1,0", "331,297,2,1,3", "3,31,2,1,0", "6,2,2,1,0", "1001,67,2,1,0",
            "640,480,1,1,0", "333,222,1,1,5", "1,1,1,1,0", "9,17,1,1,0"})
    void everySamplingAndSizeCountsLikeItsDecodedImage(int width, int height, int h, int v, int restart) throws IOException {
        byte[] jpeg = JpegDecoderTest.jdkJpeg(TestImages.picture(width, height, false), h, v, restart, false);
        assertEquals(h << 4 | v, JpegSegments.parse(jpeg).first(0xC0).u8(7), "the file has the sampling asked for");
        assertCountsLikeTheImage(width + "x" + height + " " + h + "x" + v + " restart " + restart, jpeg);
    }

    @ParameterizedTest(name = "{0}x{1}, restart {2}")
    @CsvSource({"203,111,0", "203,111,3", "401,317,0", "401,317,4", "1,1,0"})
    void greyFilesCountLikeTheirDecodedImage(int width, int height, int restart) throws IOException {
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(TestImages.picture(width, height, false), 0, 0, null);
        byte[] jpeg = JpegDecoderTest.jdkJpeg(grey, 1, 1, restart, false);
        assertEquals(1, JpegSegments.parse(jpeg).first(0xC0).u8(5), "one component");
        assertCountsLikeTheImage("grey " + width + "x" + height + " restart " + restart, jpeg);
    }

    @Test
    void rowsCountedBeforeADeclineAreDroppedForTheImageImageIoDecodes() throws IOException {
        // damage part-way through the scan: the decoder converts (and counts) the rows above it, then declines
        byte[] jpeg = JpegDecoderTest.jdkJpeg(TestImages.picture(320, 240, false), 2, 2, 0, false);
        byte[] damaged = Arrays.copyOf(jpeg, jpeg.length * 3 / 4);
        HistogramCounter counter = new HistogramCounter();
        assertThrows(JpegDeclined.class, () -> JpegDecoder.decodeOrDecline(damaged, NO_LIMIT, 1, counter));
        ReadImage nothingElse = new ReadImage(ImageFormat.JPEG, 320, 240, Optional.empty());
        assertThrows(IllegalStateException.class, () -> counter.histogram(nothingElse), "only part of the image was counted");
        // had ImageIO then decoded an image, the histogram is that image's alone
        BufferedImage imageIo = ImageIO.read(new ByteArrayInputStream(jpeg));
        Histograms.assertSame(ImageHistogram.of(imageIo), counter.histogram(ReadImage.of(imageIo, ImageFormat.JPEG)), "ImageIO's image");
    }

    @Test
    void aCountThatDoesNotCoverTheImageIsRefused() throws IOException {
        byte[] jpeg = JpegDecoderTest.jdkJpeg(TestImages.picture(64, 48, false), 2, 2, 0, false);
        HistogramCounter counter = new HistogramCounter();
        JpegDecoder.decodeOrDecline(jpeg, NO_LIMIT, 1, counter);
        assertEquals(64L * 48, counter.histogram(new ReadImage(ImageFormat.JPEG, 48, 64, Optional.empty())).pixels(), "turned: the same pixels");
        assertThrows(IllegalStateException.class, () -> counter.histogram(new ReadImage(ImageFormat.JPEG, 64, 47, Optional.empty())));
    }

    /** Counted from rows on one thread and on four, each exactly ImageHistogram.of the image the decoder builds. */
    private static void assertCountsLikeTheImage(String what, byte[] jpeg) {
        BufferedImage image = JpegDecoder.decodeOrDecline(jpeg, NO_LIMIT, 1);
        ImageHistogram expected = ImageHistogram.of(image);
        for (int workers : new int[] {1, 4}) {
            HistogramCounter counter = new HistogramCounter();
            JpegDecoder.decodeOrDecline(jpeg, NO_LIMIT, workers, counter);
            ReadImage read = new ReadImage(ImageFormat.JPEG, image.getWidth(), image.getHeight(), Optional.empty());
            Histograms.assertSame(expected, counter.histogram(read), what + ", " + workers + " worker(s)");
        }
    }
}

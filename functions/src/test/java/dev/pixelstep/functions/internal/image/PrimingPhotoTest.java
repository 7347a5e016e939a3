package dev.pixelstep.functions.internal.image;

import dev.pixelstep.functions.internal.priming.SampleImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The priming photo takes the decoder's branches that real photos take: a row of its colour MCUs
 * fills a batch of {@link JpegScanDecoder}, as a row of a 2400-pixel photo does (at 1280 pixels no
 * row did, and the first real photo after a SnapStart restore met that branch untaken, its code
 * thrown away and compiled again while the request waited).
 */
class PrimingPhotoTest {

    @Test
    void aRowOfColourMcusFillsTheDecodersBatch() {
        int mcusPerRow = SampleImage.PHOTO_WIDTH / 16; // 4:2:0, what uploads and pixelstep's JPEGs use
        assertTrue(mcusPerRow > JpegScanDecoder.BATCH_MCUS, mcusPerRow + " MCUs a row, batches of " + JpegScanDecoder.BATCH_MCUS);
    }

    @Test
    void thePhotoAsUploadedIsAColourJpegOfThePhotosSize() {
        byte[] jpeg = SampleImage.photoAsUploaded();
        DecodedImage decoded = TestDecoders.ownJpeg().decode("the priming photo", jpeg);
        assertEquals(SampleImage.PHOTO_WIDTH, decoded.image().getWidth());
        assertEquals(SampleImage.PHOTO_HEIGHT, decoded.image().getHeight());
    }
}

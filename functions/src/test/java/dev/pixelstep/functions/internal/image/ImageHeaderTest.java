package dev.pixelstep.functions.internal.image;

import dev.pixelstep.functions.support.FormatFixtures;
import dev.pixelstep.functions.support.TestImages;
import dev.pixelstep.spi.ImageSize;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageHeaderTest {

    @Test
    void readsFormatAndSizeFromTheFirstBytesOnly() {
        byte[] jpeg = TestImages.jpeg(1234, 567);
        assertEquals(Optional.of(new ImageHeader(ImageFormat.JPEG, new ImageSize(1234, 567))),
                ImageHeader.read(Arrays.copyOf(jpeg, Math.min(jpeg.length, 1024))));
        byte[] png = TestImages.png(300, 200, true);
        assertEquals(Optional.of(new ImageHeader(ImageFormat.PNG, new ImageSize(300, 200))), ImageHeader.read(Arrays.copyOf(png, 64)));
        assertEquals(Optional.of(new ImageHeader(ImageFormat.PNG, new ImageSize(65_535, 65_535))),
                ImageHeader.read(TestImages.pngHeaderOnly(65_535, 65_535)), "a header without pixels is still a header");
        assertEquals(new ImageSize(40, 30), ImageHeader.read(TestImages.encode(TestImages.picture(40, 30, false), "gif")).orElseThrow().size());
        assertEquals(ImageFormat.BMP, ImageHeader.read(TestImages.encode(TestImages.picture(40, 30, false), "bmp")).orElseThrow().format());
    }

    @Test
    void sizeIsTheUprightImagesAndNewFormatsAreRead() {
        for (int orientation = 1; orientation <= 8; orientation++) {
            // stored 8x16 for a quarter turn (5..8), 16x8 otherwise; upright always 16x8
            assertEquals(new ImageSize(16, 8), ImageHeader.read(FormatFixtures.bytes("jpeg-orientation-" + orientation + ".jpg")).orElseThrow().size(),
                    "orientation " + orientation);
        }
        assertEquals(new ImageHeader(ImageFormat.WEBP, new ImageSize(32, 24)), ImageHeader.read(FormatFixtures.bytes("webp-lossy.webp")).orElseThrow());
        assertEquals(new ImageHeader(ImageFormat.TIFF, new ImageSize(24, 16)), ImageHeader.read(FormatFixtures.bytes("tiff-multipage.tif")).orElseThrow());
    }

    @Test
    void anythingElseIsEmptyNeverAnError() {
        assertEquals(Optional.empty(), ImageHeader.read(new byte[0]));
        assertEquals(Optional.empty(), ImageHeader.read("not an image at all".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), ImageHeader.read(Arrays.copyOf(TestImages.jpeg(100, 100), 10)), "cut before the frame header");
        assertEquals(Optional.empty(), ImageHeader.read(new byte[] {0, 0, 1, 1, 0, 0}), "WBMP-like bytes: not a supported format");
    }
}

package dev.pixelstep.functions.internal.analyser;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

class ImageHistogramTest {

    @Test
    void countsEveryChannelAndRec709Luma() {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        image.setRGB(1, 0, 0x00ff00);
        image.setRGB(0, 1, 0x0000ff);
        image.setRGB(1, 1, 0xffffff);

        ImageHistogram h = ImageHistogram.of(image);

        assertEquals(4, h.pixels());
        assertEquals(2, h.counts(Channel.RED)[255]);
        assertEquals(2, h.counts(Channel.RED)[0]);
        long[] luma = h.counts(Channel.LUMINANCE);
        assertEquals(1, luma[54], "0.2126 * 255 = 54.2");
        assertEquals(1, luma[182], "0.7152 * 255 = 182.4");
        assertEquals(1, luma[18], "0.0722 * 255 = 18.4");
        assertEquals(1, luma[255]);
        ChannelStatistics red = h.statistics(Channel.RED);
        assertEquals(127.5, red.mean());
        assertEquals(127.5, red.standardDeviation());
        assertEquals(0, red.min());
        assertEquals(255, red.max());
    }

    @Test
    void alphaIsIgnored() {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00808080);
        assertEquals(1, ImageHistogram.of(image).counts(Channel.GREEN)[128]);
    }

    @Test
    void everyChannelCountsEveryPixelAndTheMeanLiesBetweenMinAndMax() {
        qt().withExamples(60).forAll(integers().between(1, 40), integers().between(1, 40), integers().all())
                .checkAssert((w, h, seed) -> {
                    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                    java.util.Random random = new java.util.Random(seed);
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            image.setRGB(x, y, random.nextInt(1 << 24));
                        }
                    }
                    ImageHistogram histogram = ImageHistogram.of(image);
                    for (Channel c : Channel.values()) {
                        assertEquals((long) w * h, Arrays.stream(histogram.counts(c)).sum(), c.id());
                        ChannelStatistics s = histogram.statistics(c);
                        assertEquals(true, s.min() <= s.mean() + 1e-9 && s.mean() <= s.max() + 1e-9, c.id());
                        assertEquals(true, s.standardDeviation() <= (s.max() - s.min()) / 2.0 + 1e-3, c.id());
                    }
                });
    }

    @Test
    void lumaIsTheRoundedRec709SumForEveryColour() {
        // luma() divides by 10000 with a multiply and a shift; it must agree with the division everywhere
        for (int r = 0; r < 256; r++) {
            for (int g = 0; g < 256; g++) {
                for (int b = 0; b < 256; b++) {
                    int expected = (2126 * r + 7152 * g + 722 * b + 5000) / 10000;
                    if (ImageHistogram.luma(r, g, b) != expected) {
                        assertEquals(expected, ImageHistogram.luma(r, g, b), "luma of " + r + "," + g + "," + b);
                    }
                }
            }
        }
    }

    @Test
    void packedPixelsAndOtherLayoutsGiveTheSameCounts() {
        qt().withExamples(30).forAll(integers().between(1, 2500), integers().between(1, 1000), integers().all())
                .checkAssert((w, h, seed) -> {
                    BufferedImage image = new BufferedImage(w + 3, h + 2, BufferedImage.TYPE_INT_RGB);
                    java.util.Random random = new java.util.Random(seed);
                    int[] pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
                    for (int i = 0; i < pixels.length; i++) {
                        pixels[i] = random.nextInt(8) == 0 ? 0x123456 : random.nextInt(1 << 24);
                    }
                    BufferedImage view = image.getSubimage(1, 1, w, h); // not packed from index 0: read with getRGB
                    BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                    copy.getGraphics().drawImage(view, 0, 0, null);
                    ImageHistogram a = ImageHistogram.of(view);
                    ImageHistogram b = ImageHistogram.of(copy);
                    for (Channel c : Channel.values()) {
                        org.junit.jupiter.api.Assertions.assertArrayEquals(a.counts(c), b.counts(c), c.id());
                    }
                });
    }

    @Test
    void rgbBytesAndPackedPixelsGiveTheSameCounts() {
        qt().withExamples(20).forAll(integers().between(1, 2500), integers().between(1, 1000), integers().all())
                .checkAssert((w, h, seed) -> {
                    java.util.Random random = new java.util.Random(seed);
                    BufferedImage bytes = dev.pixelstep.functions.internal.image.RgbBytes.blank(w, h);
                    byte[] data = ((java.awt.image.DataBufferByte) bytes.getRaster().getDataBuffer()).getData();
                    random.nextBytes(data);
                    BufferedImage packed = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                    int[] pixels = ((java.awt.image.DataBufferInt) packed.getRaster().getDataBuffer()).getData();
                    for (int i = 0; i < pixels.length; i++) {
                        pixels[i] = (data[3 * i] & 0xff) << 16 | (data[3 * i + 1] & 0xff) << 8 | (data[3 * i + 2] & 0xff);
                    }
                    ImageHistogram a = ImageHistogram.of(bytes);
                    ImageHistogram b = ImageHistogram.of(packed);
                    for (Channel c : Channel.values()) {
                        org.junit.jupiter.api.Assertions.assertArrayEquals(b.counts(c), a.counts(c), c.id());
                    }
                });
    }

    /**
     * Issue 13: a band is counted into four sets of bins allocated by {@link ImageHistogram#countPacked}, pixel i
     * into set i mod 4, added up at the end; the counts must be those of one pixel at a time into one set (the
     * previous formulation), on a photo, on every length up to 9 (the tail after the groups of four), from any
     * start, on the edge values 0 and 255 with any alpha, and through {@link ImageHistogram#of} for packed and
     * byte images (both counted this way).
     */
    @Test
    void fourSetsOfBinsGiveTheCountsOfOnePixelAtATime() {
        BufferedImage decoded = dev.pixelstep.testkit.photos.BenchmarkImages.decode(dev.pixelstep.testkit.photos.TestPhotos.jpeg());
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        BufferedImage photo = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((java.awt.image.DataBufferInt) photo.getRaster().getDataBuffer()).getData();
        decoded.getRGB(0, 0, w, h, pixels, 0, w);
        org.junit.jupiter.api.Assertions.assertArrayEquals(oneAtATime(pixels, 0, pixels.length), ImageHistogram.countPacked(pixels, 0, pixels.length));
        org.junit.jupiter.api.Assertions.assertArrayEquals(oneAtATime(pixels, 12_345, 1_000_003), ImageHistogram.countPacked(pixels, 12_345, 1_000_003));
        int[] edges = {0, 0xffffffff, 0xff000000, 0x00ffffff, 0x80ff00ff, 0x7f00ff00, 0x000000ff, 0xffff0000, 0x40808080};
        for (int from = 0; from < edges.length; from++) {
            for (int to = from; to <= edges.length; to++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(oneAtATime(edges, from, to), ImageHistogram.countPacked(edges, from, to),
                        "pixels " + from + " to " + to);
            }
        }
        long[][] expected = ImageHistogram.merge(java.util.List.of(oneAtATime(pixels, 0, pixels.length)));
        BufferedImage bytes = dev.pixelstep.functions.internal.image.RgbBytes.blank(w, h);
        byte[] data = ((java.awt.image.DataBufferByte) bytes.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            data[3 * i] = (byte) (pixels[i] >> 16);
            data[3 * i + 1] = (byte) (pixels[i] >> 8);
            data[3 * i + 2] = (byte) pixels[i];
        }
        for (BufferedImage image : java.util.List.of(photo, bytes)) {
            ImageHistogram histogram = ImageHistogram.of(image);
            Channel[] channels = {Channel.RED, Channel.GREEN, Channel.BLUE, Channel.LUMINANCE};
            for (int c = 0; c < 4; c++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(expected[c], histogram.counts(channels[c]), channels[c].id());
            }
        }
    }

    /** The previous formulation: every pixel in turn into one set of bins. */
    private static int[] oneAtATime(int[] pixels, int from, int to) {
        int[] bins = new int[4 * ImageHistogram.BINS];
        for (int i = from; i < to; i++) {
            int p = pixels[i];
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            bins[r]++;
            bins[256 + g]++;
            bins[512 + b]++;
            bins[768 + (2126 * r + 7152 * g + 722 * b + 5000) / 10000]++;
        }
        return bins;
    }

    @Test
    void lumaIsWithinRangeForEveryColour() {
        qt().forAll(integers().between(0, 255), integers().between(0, 255), integers().between(0, 255))
                .checkAssert((r, g, b) -> {
                    int y = ImageHistogram.luma(r, g, b);
                    assertEquals(true, y >= Math.min(r, Math.min(g, b)) && y <= Math.max(r, Math.max(g, b)));
                });
    }
}

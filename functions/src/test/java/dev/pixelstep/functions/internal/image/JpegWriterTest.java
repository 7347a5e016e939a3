package dev.pixelstep.functions.internal.image;

import dev.pixelstep.functions.support.TestImages;
import dev.pixelstep.spi.Cancellation;
import dev.pixelstep.spi.OperationCancelledException;
import dev.pixelstep.testkit.photos.TestPhotos;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pixelstep's own JPEG encoder ({@link JpegWriter} through {@link ImageEncoder}): checked against
 * the JDK's writer at the same quality, decoded by every ImageIO JPEG reader on the class path and
 * by Pillow when it is installed, its structure read back marker by marker.
 */
class JpegWriterTest {

    private static final int QUALITY = Math.round(ImageEncoder.JPEG_QUALITY * 100);
    private final JpegWriter writer = new JpegWriter(QUALITY);

    @Test
    void quantisationAndHuffmanTablesAreTheJdkWritersAtTheSameQuality() throws IOException {
        BufferedImage image = TestImages.picture(40, 24, false);
        JpegSegments theirs = JpegSegments.parse(jdkJpeg(image));
        JpegSegments ours = JpegSegments.parse(encode(image));
        assertEquals(tables(theirs.all(0xDB), 65), tables(ours.all(0xDB), 65), "DQT");
        assertEquals(huffman(theirs.all(0xC4)), huffman(ours.all(0xC4)), "DHT");
        assertEquals(4, huffman(ours.all(0xC4)).size());
    }

    @Test
    void realPhotosHaveTheJdkWritersQualityAndSize() throws IOException {
        // the first three photos of the testkit's set (a smooth one, two with texture), each cropped
        // off its own 8x8 grid, so that neither encoder finds the photo's blocks again
        for (Path file : TestPhotos.all().subList(0, 3)) {
            BufferedImage photo = ImageIO.read(file.toFile());
            BufferedImage crop = copy(photo.getSubimage(5, 3, 1203, 797), BufferedImage.TYPE_INT_RGB);
            byte[] ours = encode(crop);
            byte[] theirs = jdkJpeg(crop);
            double oursDb = psnr(crop, ImageIO.read(new ByteArrayInputStream(ours)));
            double theirsDb = psnr(crop, ImageIO.read(new ByteArrayInputStream(theirs)));
            String what = String.format(java.util.Locale.ROOT, "%s: PSNR %.2f dB (JDK writer %.2f dB), %d bytes (JDK writer %d)",
                    file.getFileName(), oursDb, theirsDb, ours.length, theirs.length);
            System.out.println(what);
            assertTrue(Math.abs(oursDb - theirsDb) <= 0.2, what);
            double size = ours.length / (double) theirs.length;
            assertTrue(size > 0.99 && size < 1.01, what);
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1,1", "7,9", "17,33", "33,17", "16,16", "16,64", "16,65", "100,63", "100,64", "100,65", "130,200", "8,4099"})
    void everySizeHasTheExpectedStructureAndDecodes(int width, int height) throws IOException {
        BufferedImage image = TestImages.picture(width, height, false);
        byte[] jpeg = encode(image);
        JpegSegments segments = JpegSegments.parse(jpeg);
        int mcu = grey(image) ? 8 : 16;
        int mcusPerRow = (width + mcu - 1) / mcu;
        int mcuRows = (height + mcu - 1) / mcu;
        int strips = (mcuRows + 64 / mcu - 1) / (64 / mcu);
        List<Integer> expected = new ArrayList<>(List.of(0xD8, 0xE0, 0xDB, 0xC0, 0xC4));
        if (strips > 1) {
            expected.add(0xDD);
        }
        expected.addAll(List.of(0xDA, 0xD9));
        assertEquals(expected, segments.markers());
        assertEquals("JFIF", new String(segments.first(0xE0).payload(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));

        JpegSegments.Segment frame = segments.first(0xC0);
        assertEquals(8, frame.u8(0), "precision");
        assertEquals(height, frame.u16(1));
        assertEquals(width, frame.u16(3));
        if (grey(image)) { // 1x1: one black pixel
            assertEquals(1, frame.u8(5), "components");
            assertEquals(0x11, frame.u8(7), "sampling 1x1");
        } else {
            assertEquals(3, frame.u8(5), "components");
            assertEquals(0x22, frame.u8(7), "luma sampling 2x2");
            assertEquals(0x11, frame.u8(10), "chroma sampling 1x1");
            assertEquals(0x11, frame.u8(13));
        }
        if (strips > 1) {
            assertEquals(mcusPerRow * 4, segments.first(0xDD).u16(0), "restart interval: four MCU rows");
        }
        List<Integer> restarts = new ArrayList<>();
        for (int i = 0; i < strips - 1; i++) {
            restarts.add(0xD0 + i % 8);
        }
        assertEquals(restarts, segments.scanMarkers(), "RST0..RST7 in turn between strips");

        byte[] jdk = jdkJpeg(image);
        for (ImageReader reader : jpegReaders()) {
            BufferedImage decoded = decode(reader, jpeg);
            assertEquals(width, decoded.getWidth());
            assertEquals(height, decoded.getHeight());
            // a synthetic picture with sharp edges everywhere: as close to it as the JDK writer's file
            double ours = psnr(image, decoded);
            double theirs = psnr(image, decode(reader, jdk));
            assertFalse(ours < theirs - 0.5, reader + ": PSNR " + ours + " dB, the JDK writer's " + theirs + " dB");
        }
    }

    @ParameterizedTest(name = "#{0}")
    @CsvSource({"000000", "ffffff", "ff0000", "00ff00", "0000ff", "808080", "123456", "fedcba", "ffff00", "7f00ff"})
    void aFlatColourDecodesToThatColour(String hex) throws IOException {
        int colour = Integer.parseInt(hex, 16);
        BufferedImage image = new BufferedImage(37, 70, BufferedImage.TYPE_INT_RGB);
        java.util.Arrays.fill(((DataBufferInt) image.getRaster().getDataBuffer()).getData(), colour);
        byte[] jpeg = encode(image);
        for (ImageReader reader : jpegReaders()) {
            BufferedImage decoded = decode(reader, jpeg);
            for (int y = 0; y < 70; y++) {
                for (int x = 0; x < 37; x++) {
                    assertClose(colour, decoded.getRGB(x, y), 2, reader + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void theSamePixelsGiveTheSameBytesWithAnyNumberOfWorkers() {
        // 21 strips, so that the workers' strip ranges differ with every count
        BufferedImage image = TestImages.picture(333, 1301, false);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] one = writer.write(pixels, 333, 1301, false, 1);
        assertEquals(21, JpegWriter.Layout.of(333, 1301, false).strips());
        for (int workers : new int[] {2, 3, 4, 7, 16}) {
            assertArrayEquals(one, writer.write(pixels, 333, 1301, false, workers), workers + " workers");
        }
        assertArrayEquals(one, encode(image), "the encoder on this machine's processors");
    }

    @Test
    void alphaIsCompositedOntoWhite() throws IOException {
        BufferedImage image = TestImages.picture(64, 48, true);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 255 / pixels.length) << 24 | (pixels[i] & 0xffffff); // alpha from 0 to 255
        }
        BufferedImage onWhite = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = onWhite.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 48);
        g.setComposite(AlphaComposite.SrcOver);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        // the same file as the image composited onto white by Java 2D (both round to the nearest value)
        BufferedImage ours = ImageIO.read(new ByteArrayInputStream(encode(image)));
        BufferedImage reference = ImageIO.read(new ByteArrayInputStream(encode(onWhite)));
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                assertClose(reference.getRGB(x, y), ours.getRGB(x, y), 1, x + "," + y);
            }
        }
        assertClose(0xffffff, ours.getRGB(0, 0), 2, "fully transparent becomes white");
    }

    @Test
    void greyImagesAreWrittenWithOneComponent() throws IOException {
        BufferedImage grey = copy(TestImages.picture(91, 77, false), BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage greyInts = new BufferedImage(91, 77, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 77; y++) {
            for (int x = 0; x < 91; x++) {
                int v = grey.getRaster().getSample(x, y, 0);
                greyInts.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        byte[] jpeg = encode(greyInts);
        assertEquals(1, JpegSegments.parse(jpeg).first(0xC0).u8(5), "one component");
        assertArrayEquals(jpeg, encode(grey), "the same file from TYPE_BYTE_GRAY");
        byte[] jdk = jdkJpeg(grey);
        assertEquals(1, JpegSegments.parse(jdk).first(0xC0).u8(5), "the JDK writer writes grey images with one component too");
        for (ImageReader reader : jpegReaders()) {
            double ours = psnr(greyInts, decode(reader, jpeg));
            double theirs = psnr(greyInts, decode(reader, jdk));
            assertFalse(ours < theirs - 0.5, reader + ": PSNR " + ours + " dB, the JDK writer's " + theirs + " dB");
        }
        // one coloured pixel, the last one, makes it a colour file
        greyInts.setRGB(90, 76, 0x102030);
        assertEquals(3, JpegSegments.parse(encode(greyInts)).first(0xC0).u8(5));
    }

    @Test
    void otherLayoutsGiveTheFileOfTheirIntPixels() {
        BufferedImage ints = TestImages.picture(50, 31, false);
        byte[] expected = encode(ints);
        BufferedImage bgr = copy(ints, BufferedImage.TYPE_3BYTE_BGR);
        assertArrayEquals(expected, encode(bgr), "TYPE_3BYTE_BGR");
        BufferedImage rgbBytes = RgbBytes.blank(50, 31);
        rgbBytes.getRaster().setDataElements(0, 0, bgr.getRaster());
        assertArrayEquals(expected, encode(rgbBytes), "RGB bytes");
        BufferedImage larger = TestImages.picture(70, 40, false);
        larger.getRaster().setDataElements(3, 2, ints.getRaster());
        assertArrayEquals(expected, encode(larger.getSubimage(3, 2, 50, 31)), "a sub-image (padded raster)");
    }

    @Test
    void encodingStopsWhenTheWorkIsCancelled() {
        BufferedImage image = TestImages.picture(64, 64, false);
        Cancellation cancellation = Cancellation.ofCurrentThread();
        cancellation.cancel();
        assertThrows(OperationCancelledException.class, () -> cancellation.run(() -> encode(image)));
    }

    @Test
    void aSideAboveJpegsLimitIsAnEncodingError() {
        BufferedImage wide = new BufferedImage(65536, 1, BufferedImage.TYPE_INT_RGB);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> encode(wide));
        assertTrue(e.getMessage().contains("65536x1"), e.getMessage());
        assertFalse(JpegSegments.parse(encode(new BufferedImage(65535, 1, BufferedImage.TYPE_INT_RGB))).markers().isEmpty());
        // the widest images: a restart interval of whole MCU rows still fits DRI's 16 bits
        assertTrue(JpegWriter.Layout.of(65535, 100, true).restartInterval() <= 65535);
        assertTrue(JpegWriter.Layout.of(65535, 100, false).restartInterval() <= 65535);
    }

    @Test
    void pillowDecodesColourAndGreyFiles() throws Exception {
        Path python = Files.isExecutable(Path.of("/usr/bin/python3")) ? Path.of("/usr/bin/python3") : Path.of("python3");
        Assumptions.assumeTrue(run(python, "import PIL").exitValue == 0,
                "Pillow is not installed for " + python + " (Debian: apt-get install python3-pil); the Pillow check is skipped");
        BufferedImage colour = TestImages.picture(130, 200, false); // several strips and restart markers
        BufferedImage grey = new BufferedImage(130, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 130; x++) {
                int v = (x * 3 + y * 5) % 256;
                grey.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        for (BufferedImage image : List.of(colour, grey)) {
            Path file = Files.createTempFile("pixelstep-jpeg", ".jpg");
            try {
                Files.write(file, encode(image));
                Run decoded = run(python, "import sys; from PIL import Image; im = Image.open(sys.argv[1]); im.load(); "
                        + "sys.stdout.write(im.mode + ' ' + str(im.size[0]) + ' ' + str(im.size[1]) + ' '); sys.stdout.flush(); "
                        + "sys.stdout.buffer.write(im.convert('RGB').tobytes())", file.toString());
                assertEquals(0, decoded.exitValue, decoded.error);
                String head = new String(decoded.output, 0, 12, java.nio.charset.StandardCharsets.US_ASCII);
                String expectedHead = (image == grey ? "L" : "RGB") + " 130 200 ";
                assertTrue(head.startsWith(expectedHead), head);
                BufferedImage pillow = new BufferedImage(130, 200, BufferedImage.TYPE_INT_RGB);
                for (int i = 0, at = expectedHead.length(); i < 130 * 200; i++, at += 3) {
                    pillow.setRGB(i % 130, i / 130, (decoded.output[at] & 0xff) << 16 | (decoded.output[at + 1] & 0xff) << 8
                            | (decoded.output[at + 2] & 0xff));
                }
                // Pillow (libjpeg-turbo) decodes the file as closely as the JDK's reader does
                double jdkDb = psnr(image, decode(jpegReaders().get(0), encode(image)));
                assertTrue(Math.abs(psnr(image, pillow) - jdkDb) < 0.5, "Pillow: PSNR " + psnr(image, pillow) + " dB, JDK " + jdkDb);
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private record Run(int exitValue, byte[] output, String error) {
    }

    private static Run run(Path python, String code, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-c", code));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            return new Run(-1, new byte[0], e.toString());
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "python did not finish");
        return new Run(process.exitValue(), out, err);
    }

    private static byte[] encode(BufferedImage image) {
        return new ImageEncoder().encode(image, ImageFormat.JPEG).toByteArray();
    }

    /** Every ImageIO reader of JPEG on the class path (the JDK's; TwelveMonkeys' when present). */
    private static List<ImageReader> jpegReaders() {
        List<ImageReader> readers = new ArrayList<>();
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg");
        it.forEachRemaining(readers::add);
        assertFalse(readers.isEmpty());
        return readers;
    }

    /** The decoded pixels as int RGB (a grey file's samples repeated, not converted from linear grey as {@code getRGB} would). */
    private static BufferedImage decode(ImageReader reader, byte[] jpeg) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            return IntRgb.of(reader.read(0));
        } finally {
            reader.reset();
        }
    }

    static byte[] jdkJpeg(BufferedImage image) throws IOException {
        ImageWriter jdk = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            jdk.setOutput(out);
            ImageWriteParam param = jdk.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(ImageEncoder.JPEG_QUALITY);
            jdk.write(null, new IIOImage(image, null, null), param);
        } finally {
            jdk.dispose();
        }
        return bytes.toByteArray();
    }

    /** DQT or DHT payloads split into their tables, keyed by the table's first byte (class and id). */
    private static Map<Integer, List<Integer>> tables(byte[] payload, int size) {
        Map<Integer, List<Integer>> out = new TreeMap<>();
        for (int i = 0; i < payload.length; i += size) {
            List<Integer> values = new ArrayList<>();
            for (int k = 1; k < size; k++) {
                values.add(payload[i + k] & 0xff);
            }
            assertTrue(out.put(payload[i] & 0xff, values) == null, "table written twice");
        }
        return out;
    }

    private static Map<Integer, List<Integer>> huffman(byte[] payload) {
        Map<Integer, List<Integer>> out = new TreeMap<>();
        int i = 0;
        while (i < payload.length) {
            int symbols = 0;
            for (int k = 1; k <= 16; k++) {
                symbols += payload[i + k] & 0xff;
            }
            List<Integer> values = new ArrayList<>();
            for (int k = 1; k < 17 + symbols; k++) {
                values.add(payload[i + k] & 0xff);
            }
            assertTrue(out.put(payload[i] & 0xff, values) == null, "table written twice");
            i += 17 + symbols;
        }
        return out;
    }

    private static boolean grey(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (((p >> 16) & 0xff) != (p & 0xff) || ((p >> 8) & 0xff) != (p & 0xff)) {
                    return false;
                }
            }
        }
        return true;
    }

    static double psnr(BufferedImage a, BufferedImage b) {
        double squares = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    int d = ((p >> shift) & 0xff) - ((q >> shift) & 0xff);
                    squares += d * d;
                }
            }
        }
        double mse = squares / (3.0 * a.getWidth() * a.getHeight());
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    private static void assertClose(int expected, int actual, int tolerance, String where) {
        for (int shift = 0; shift < 24; shift += 8) {
            int e = (expected >> shift) & 0xff;
            int a = (actual >> shift) & 0xff;
            if (Math.abs(e - a) > tolerance) {
                throw new AssertionError(where + ": expected " + Integer.toHexString(expected & 0xffffff) + " within "
                        + tolerance + ", was " + Integer.toHexString(actual & 0xffffff));
            }
        }
    }

    private static BufferedImage copy(BufferedImage image, int type) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        g.setComposite(AlphaComposite.Src);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }
}

package dev.pixelstep.functions.internal.image;

import dev.pixelstep.functions.support.Sha256;
import dev.pixelstep.testkit.photos.TestPhotos;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link JpegWriter}'s files stay byte for byte the same: whether the JIT has compiled (and
 * vectorised) the loops or not, with any number of workers, and from one version to the next
 * unless a change of the arithmetic is meant (then the table is written again, with the reason in
 * the commit; the last time: the all-integer pipeline, whose files differ from the float one's
 * within the quality bounds of {@link JpegWriterTest}). The expected SHA-256 prefixes are of the
 * files for these generated images (noise with every alpha value, a smooth colour gradient, a grey
 * image with one component), at sizes with partial MCUs, several MCU groups in a row (5200 wide)
 * and many restart intervals (8x4099), at qualities 50, 90 and 100 and with 1 and 4 workers, ten
 * times each. A change to the arithmetic that moves one coefficient fails here.
 *
 * <p>The same for real photos ({@link #realPhotosGiveTheSameFileByteForByte}): three baseline photos of
 * the testkit's set, decoded by pixelstep's own {@link JpegDecoder} (integer arithmetic, so the same
 * pixels on every JVM, where the ImageIO reader's depend on the JDK's libjpeg), whole and as a
 * crop off the 8x8 grid, in colour and as grey, at q90 and q100. The entropy coder's rewrites for
 * speed (issue 13) must give these files unchanged.
 */
class JpegWriterBytesTest {

    @ParameterizedTest(name = "{0}x{1} kind {2} alpha {3} q{4}")
    @CsvSource({
            "1,1,0,false,50,e9b262fecde95619a86ce6ef4dd8dae1",
            "1,1,0,true,50,2dc6139040970afd0bfc6fb188cd459f",
            "1,1,1,false,100,7fd871c988649081715b11d2a3330e2e",
            "1,1,2,false,90,536f1c33df68733d30313e3614e050d6",
            "7,9,0,false,50,3a5d77e217477bf1116e3c9c9ea0c677",
            "7,9,0,true,50,c848b554ff3b03b74dbcabba4caefab2",
            "7,9,1,false,100,24d872e7386766df1916d0b289e918d1",
            "7,9,2,false,90,a6ca956c3ee15b52983b321797a21f32",
            "17,33,0,false,100,7cd9112879d6d88a83d91ae755149228",
            "17,33,0,true,100,261ff1ff3d04114e5fdbef6e7c00553b",
            "17,33,1,false,90,d1a9fb0ea3d890da056d1be80cf0ab3c",
            "17,33,2,false,50,1eaa7cd38a3c2c9722209b8c9b0a8cd5",
            "33,17,0,false,90,68084fcb97d61d3844f4ecfdefb80c9b",
            "33,17,0,true,90,4c2442aaf2303ff313f8daf6eaa4dd22",
            "33,17,1,false,50,581a6bc4d8ccee3d659f6f230fb61aba",
            "33,17,2,false,100,2075f75510e188749cb3b47f649fafcc",
            "100,65,0,false,50,579fb38d4b84335546ac68355e0cfb07",
            "100,65,0,true,50,5ee6105f360f3bc4c79813cbe4a74e66",
            "100,65,1,false,100,04fae9749b06c7db35a0a396d278c344",
            "100,65,2,false,90,87485871122d19ab6e101ab60810ad15",
            "130,200,0,false,50,111fb481d44cca0920f3efcef613bfd8",
            "130,200,0,true,50,c86f5c310af5775bf81bf30d6b690274",
            "130,200,1,false,100,ff832ffdc6eda8f123693be61db24379",
            "130,200,2,false,90,fd17f60e3c96ed58878ed1313ce03b71",
            "333,77,0,false,90,c47f297ce22893541c587f49073553ea",
            "333,77,0,true,90,175bf5fa171986ac5b8f306656187ac4",
            "333,77,1,false,50,8a02edcb4cab07c2766b3a10a634f850",
            "333,77,2,false,100,4b1f63ed8ead8323f09a5ca0a8b734a0",
            "8,4099,0,false,100,cc652644877b23b2011b83620bd30012",
            "8,4099,0,true,100,80aea31388ac90f6f09f24c9a85b27de",
            "8,4099,1,false,90,a1df28ca45a081c1d15a7bc5e11cd6de",
            "8,4099,2,false,50,81e77139254d21e9e911cfe1890cd76d",
            "5200,20,0,false,50,7c1d6d1563b0b96cb70ac319352f339a",
            "5200,20,0,true,50,081e71b86c57160e4f8c990f2e6a1082",
            "5200,20,1,false,100,10cc3c2bbf51088707ab460307412884",
            "5200,20,2,false,90,b1a82c4a8d3a4e332f3c61a63788e22c"
    })
    void theFileIsTheSameByteForByteCompiledOrNotWithAnyWorkers(int width, int height, int kind, boolean alpha, int quality, String sha256) {
        int[] pixels = image(kind, width, height, width * 31L + height + kind);
        // again and again, so that the later files come from the JIT's compiled (vectorised) loops
        for (int round = 0; round < 10; round++) {
            for (int workers = 1; workers <= 4; workers += 3) {
                byte[] jpeg = new JpegWriter(quality).write(pixels, width, height, alpha, workers);
                assertEquals(sha256, sha256(jpeg), workers + " worker(s), round " + round);
            }
        }
    }

    @ParameterizedTest(name = "{0} crop {1} grey {2} q{3}")
    @CsvSource({
            "Aqua.jpg,false,false,90,3c19011e56a4182792160d6f87bf5a29,d17d30bb14530cb267ec2523a73c2144",
            "Aqua.jpg,true,true,100,a3ba269a9150408a9ff2646f6932be4d,a32ff433e728617ce1bcf02a3b1b2a0c",
            "Blinds.jpg,false,false,90,343ab60db26f9c480b77a064c10e8800,10cd2ffd37c18a1bd2c90fa6f6523138",
            "Blinds.jpg,false,true,90,70a68b05d422770814d2ed988112f8cd,c6bb8b0a54871956b0e6a747dce57382",
            "Blinds.jpg,true,false,100,b27af29120a1fa8acdd4f7658e0484c3,fbab95e063c0d94d33b0cdfec6e9ab7f",
            "RainDrops.jpg,false,false,90,1791b26fc532d401730e72bcb2289f64,e99429508c4b196e653dd3545580b471",
            "RainDrops.jpg,true,false,50,1fba82c05e90713befd2b075e63ba2c1,b3c36f22a2728c9353189ed7c457562f"
    })
    void realPhotosGiveTheSameFileByteForByte(String name, boolean crop, boolean grey, int quality, String pixelsSha256, String sha256)
            throws IOException {
        Path file = TestPhotos.all().stream().filter(p -> p.getFileName().toString().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is not among the testkit's photos"));
        var photo = JpegDecoder.decodeOrDecline(Files.readAllBytes(file), Long.MAX_VALUE, 1);
        int[] all = ((DataBufferInt) photo.getRaster().getDataBuffer()).getData();
        int width = crop ? 1203 : photo.getWidth();
        int height = crop ? 797 : photo.getHeight();
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(all, (y + (crop ? 3 : 0)) * photo.getWidth() + (crop ? 5 : 0), pixels, y * width, width);
        }
        if (grey) {
            for (int i = 0; i < pixels.length; i++) {
                int p = pixels[i];
                int g = (299 * ((p >> 16) & 0xff) + 587 * ((p >> 8) & 0xff) + 114 * (p & 0xff) + 500) / 1000;
                pixels[i] = 0xff000000 | g * 0x010101;
            }
        }
        assertEquals(pixelsSha256, Sha256.ofPixels(pixels).substring(0, 32), "the pixels JpegDecoder gives for " + name
                + " changed: the decoder's change, not the encoder's; write the table again from the old encoder");
        for (int round = 0; round < 3; round++) {
            for (int workers = 1; workers <= 4; workers += 3) {
                assertEquals(sha256, sha256(new JpegWriter(quality).write(pixels, width, height, false, workers)),
                        workers + " worker(s), round " + round);
            }
        }
    }

    /** The first half of the SHA-256, as the tables above give it. */
    private static String sha256(byte[] bytes) {
        return Sha256.of(bytes).substring(0, 32);
    }

    /** Kind 0: noise (every alpha value); 1: a colour gradient with a little noise; 2: grey (R = G = B). */
    static int[] image(int kind, int width, int height, long seed) {
        int[] pixels = new int[width * height];
        SplittableRandom random = new SplittableRandom(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v;
                switch (kind) {
                    case 0 -> v = random.nextInt();
                    case 1 -> {
                        int red = (x * 255 / Math.max(1, width - 1) + random.nextInt(9)) & 0xff;
                        int green = (y * 255 / Math.max(1, height - 1) + random.nextInt(9)) & 0xff;
                        int blue = ((x + y) * 3 + random.nextInt(5)) & 0xff;
                        v = 0xff000000 | red << 16 | green << 8 | blue;
                    }
                    default -> {
                        int g = ((x * 5 + y * 3) / 2 + random.nextInt(17)) & 0xff;
                        v = 0xff000000 | g * 0x010101;
                    }
                }
                pixels[y * width + x] = v;
            }
        }
        return pixels;
    }
}

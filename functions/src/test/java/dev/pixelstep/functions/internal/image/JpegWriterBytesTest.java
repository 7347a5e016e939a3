package dev.pixelstep.functions.internal.image;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link JpegWriter}'s files stay byte for byte those of the encoder before the blocks-across
 * rewrite (the scalar encoder of commit 50f4abf, one block at a time): the same float arithmetic
 * in the same order, so the same coefficients and the same bits. The expected SHA-256 prefixes
 * were written by that encoder for these generated images (noise with every alpha value, a smooth
 * colour gradient, a grey image with one component), at sizes with partial MCUs, several MCU
 * groups in a row (5200 wide) and many restart intervals (8x4099), at qualities 50, 90 and 100
 * and with 1 and 4 workers, ten times each. A change to the arithmetic that moves one coefficient
 * fails here.
 */
class JpegWriterBytesTest {

    @ParameterizedTest(name = "{0}x{1} kind {2} alpha {3} q{4}")
    @CsvSource({
            "1,1,0,false,50,7a43d4d02d8a1fcaac5b5e6ec4d6707b",
            "1,1,0,true,50,2dc6139040970afd0bfc6fb188cd459f",
            "1,1,1,false,100,7fd871c988649081715b11d2a3330e2e",
            "1,1,2,false,90,536f1c33df68733d30313e3614e050d6",
            "7,9,0,false,50,3a5d77e217477bf1116e3c9c9ea0c677",
            "7,9,0,true,50,c848b554ff3b03b74dbcabba4caefab2",
            "7,9,1,false,100,e875b5be610864eb26dfa3c9ce2a1c24",
            "7,9,2,false,90,a6ca956c3ee15b52983b321797a21f32",
            "17,33,0,false,100,94b16f186a9f66fd31f50f2c24d8b1e9",
            "17,33,0,true,100,e49e9aa168615fa5b2da0a3eef054ce8",
            "17,33,1,false,90,cf73aba4673fd481d4c630d8a98a710a",
            "17,33,2,false,50,1eaa7cd38a3c2c9722209b8c9b0a8cd5",
            "33,17,0,false,90,17db1e3109a8e9a537095fc2ffdef0a2",
            "33,17,0,true,90,ae4b38d144657cd8cad67aa445fe66a2",
            "33,17,1,false,50,581a6bc4d8ccee3d659f6f230fb61aba",
            "33,17,2,false,100,ff3d31d91fd27b83a8c9ac4d05ab53c2",
            "100,65,0,false,50,e8b7af9aa1e29df6e6dfcd237f845a9b",
            "100,65,0,true,50,31b8c2ff98f849a761241160b9a2ac0f",
            "100,65,1,false,100,64c24fd73d48a6a2ff21ea0ceaa0e8a7",
            "100,65,2,false,90,0d8ac7fcf33d6fc07a34a27a651aacfa",
            "130,200,0,false,50,eb2a67bb2550c49b751d4bfb8bd69350",
            "130,200,0,true,50,176a42f6d900d804f3945eaebb0d9e4c",
            "130,200,1,false,100,2dc105f851b53ea33e08306a4c232cea",
            "130,200,2,false,90,824ababfbe16f390a6ddcb2206577bd1",
            "333,77,0,false,90,ce8fa90c442334aa56946242e34ceb66",
            "333,77,0,true,90,4567e3e31ee62467b2172731b584449c",
            "333,77,1,false,50,6e3b177f47050ba61d7460804ceb09b5",
            "333,77,2,false,100,660fb18eb2613e35ac960e3cafcad3e8",
            "8,4099,0,false,100,3c191abc653789f19a1d86fc709ad376",
            "8,4099,0,true,100,8944d412a8bcb93309405429ba0ea8e5",
            "8,4099,1,false,90,731e86c46eb10a8c8f711331d71cfb03",
            "8,4099,2,false,50,986328e4aab757031f4b1e5a2b5b2a77",
            "5200,20,0,false,50,c7acc7fdf993cead735ba72de26fd8bb",
            "5200,20,0,true,50,7b1a848fbf767f55c165e6d31ebe92cc",
            "5200,20,1,false,100,882fe1c5775878a0f7236174991ff81b",
            "5200,20,2,false,90,4aea11411920daee40da795534bf039d"
    })
    void theFileIsByteIdenticalToTheScalarEncoders(int width, int height, int kind, boolean alpha, int quality, String sha256)
            throws NoSuchAlgorithmException {
        int[] pixels = image(kind, width, height, width * 31L + height + kind);
        // again and again, so that the later files come from the JIT's compiled (vectorised) loops
        for (int round = 0; round < 10; round++) {
            for (int workers = 1; workers <= 4; workers += 3) {
                byte[] jpeg = new JpegWriter(quality).write(pixels, width, height, alpha, workers);
                String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg)).substring(0, 32);
                assertEquals(sha256, hash, workers + " worker(s), round " + round);
            }
        }
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

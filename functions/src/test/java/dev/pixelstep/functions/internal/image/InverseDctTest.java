package dev.pixelstep.functions.internal.image;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inverse DCT's shortcuts for coefficients that are zero in every block of a batch
 * ({@link InverseDct#transform(int[][], int[], int, long, byte[], int[], int)}: empty columns,
 * columns with only their row-0 coefficient, inputs 4-7 zero in the column or the row pass, flat
 * blocks) give exactly the samples of the full transform (which {@code JpegDecoderTest} compares
 * with the JDK reader), for batches whose coefficients lie in each such region, with small and
 * extreme values, and with a mask that claims more than the batch holds; and the coefficient
 * arrays are all zero afterwards, as the scan decoder needs them for the next batch.
 */
class InverseDctTest {

    /** Natural-order masks of where a batch's coefficients may lie. */
    private static final long[] REGIONS = {
            1L, // DC only: flat blocks
            region(8, 1), // column 0 only
            region(1, 8), // row 0 only
            region(4, 4), // the upper-left 4x4, where the subsampled chroma of a photo mostly is
            region(4, 8), // rows 0-3
            region(8, 4), // columns 0-3
            region(2, 3),
            region(8, 1) | region(1, 8),
            0x8000_0000_0000_0001L, // DC and the highest frequency
            -1L};

    @Test
    void everyShortcutGivesTheSamplesOfTheFullTransform() {
        Random random = new Random(13);
        int n = 37;
        int[] quant = new int[64];
        for (long region : REGIONS) {
            for (int amplitude : new int[] {3, 60, 1023}) {
                for (int round = 0; round < 20; round++) {
                    for (int k = 0; k < 64; k++) {
                        quant[k] = 1 + random.nextInt(round % 2 == 0 ? 4 : 60);
                    }
                    int[][] blocks = new int[n][64];
                    for (int[] block : blocks) {
                        for (int k = 0; k < 64; k++) {
                            if ((region >>> k & 1) != 0 && random.nextInt(3) > 0) {
                                block[k] = random.nextInt(2 * amplitude + 1) - amplitude;
                            }
                        }
                    }
                    byte[] full = transformed(blocks, quant, -1L);
                    byte[] shortcut = transformed(blocks, quant, region);
                    assertArrayEquals(full, shortcut, "region " + Long.toHexString(region) + ", amplitude " + amplitude);
                    // a mask may claim coefficients the batch does not have (the scan decoder's is a zigzag prefix)
                    assertArrayEquals(full, transformed(blocks, quant, region | region(4, 4)), "a wider mask");
                }
            }
        }
    }

    /** The samples of {@code blocks} (natural order) through one transform with {@code nonzero}, its arrays checked zero after. */
    private static byte[] transformed(int[][] blocks, int[] quant, long nonzero) {
        int n = blocks.length;
        InverseDct idct = new InverseDct(n + 3);
        int[][] coefficients = idct.coefficientArrays();
        int[] offsets = new int[n];
        for (int b = 0; b < n; b++) {
            offsets[b] = 8 * b;
            for (int k = 0; k < 64; k++) {
                coefficients[k][b] = blocks[b][k];
            }
        }
        byte[] plane = new byte[64 * n];
        idct.transform(coefficients, quant, n, nonzero, plane, offsets, 8 * n);
        for (int[] c : coefficients) {
            for (int v : c) {
                assertTrue(v == 0, "coefficients left after the transform");
            }
        }
        return plane;
    }

    /** The coefficients of the first {@code rows} rows and {@code columns} columns. */
    private static long region(int rows, int columns) {
        long mask = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                mask |= 1L << 8 * r + c;
            }
        }
        return mask;
    }
}

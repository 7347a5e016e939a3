package dev.pixelstep.s3;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The eight orientations as the EXIF specification draws them: a stored 3x2 image whose pixels are
 * their own stored positions, turned upright.
 */
class ExifOrientationTest {

    // stored, row by row:  0 1 2
    //                      3 4 5
    private static final int[] STORED = {0, 1, 2, 3, 4, 5};

    @Test
    void eachOrientationTurnsTheStoredPixelsUpright() {
        int[][] upright = {
            null,
            {0, 1, 2, 3, 4, 5}, // 1: as stored
            {2, 1, 0, 5, 4, 3}, // 2: mirrored left to right
            {5, 4, 3, 2, 1, 0}, // 3: half a turn
            {3, 4, 5, 0, 1, 2}, // 4: mirrored top to bottom
            {0, 3, 1, 4, 2, 5}, // 5: transposed (2 wide, 3 high)
            {3, 0, 4, 1, 5, 2}, // 6: a quarter turn clockwise
            {5, 2, 4, 1, 3, 0}, // 7: transversed
            {2, 5, 1, 4, 0, 3}, // 8: a quarter turn anticlockwise
        };
        for (int orientation = 1; orientation <= 8; orientation++) {
            int[] out = new int[6];
            ExifOrientation.turnUpright(STORED, 3, 2, orientation, out);
            assertArrayEquals(upright[orientation], out, "orientation " + orientation);
            assertEquals(orientation >= 5, ExifOrientation.swapsSides(orientation), "orientation " + orientation);
            assertEquals(orientation >= 2, ExifOrientation.turns(orientation), "orientation " + orientation);
            assertEquals(orientation, ExifOrientation.of(orientation));
        }
    }

    @Test
    void valuesOutsideTheTagsRangeLeaveThePixelsAsStored() {
        for (int orientation : new int[] {0, 9, -1, 65535}) {
            int[] out = new int[6];
            ExifOrientation.turnUpright(STORED, 3, 2, orientation, out);
            assertArrayEquals(STORED, out, "orientation " + orientation);
            assertEquals(false, ExifOrientation.swapsSides(orientation));
            assertEquals(false, ExifOrientation.turns(orientation));
            assertEquals(ExifOrientation.UPRIGHT, ExifOrientation.of(orientation));
        }
    }
}

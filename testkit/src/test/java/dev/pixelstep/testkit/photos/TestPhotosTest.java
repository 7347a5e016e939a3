package dev.pixelstep.testkit.photos;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real photos are fetched (once per machine) and the chosen one is always the same. */
class TestPhotosTest {

    @Test
    void fetchesSortedJpegPhotos() {
        List<Path> photos = TestPhotos.all();
        assertTrue(photos.size() >= 5, "mate-backgrounds has a dozen JPEG photos, got " + photos);
        assertTrue(photos.stream().allMatch(Files::isRegularFile));
        assertEquals(photos.stream().sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList(), photos);
        assertTrue(Files.exists(TestPhotos.directory().resolve(TestPhotos.MARKER)));
    }

    @Test
    void theChosenPhotoIsTheFirst2560x1600Jpeg() {
        Path photo = TestPhotos.jpeg();
        assertArrayEquals(new int[] {2560, 1600}, TestPhotos.dimensions(photo));
        assertEquals(photo, TestPhotos.jpeg());
        BufferedImage decoded = BenchmarkImages.decode(photo);
        assertEquals(2560, decoded.getWidth());
    }

    @Test
    void scalingToCoverFillsTheBoxDeterministically() {
        BufferedImage source = BenchmarkImages.decode(TestPhotos.jpeg());
        BufferedImage a = BenchmarkImages.scaledToCover(source, 400, 300);
        BufferedImage b = BenchmarkImages.scaledToCover(source, 400, 300);
        assertEquals(BufferedImage.TYPE_INT_RGB, a.getType());
        assertEquals(400, a.getWidth());
        assertEquals(300, a.getHeight());
        assertArrayEquals(a.getRGB(0, 0, 400, 300, null, 0, 400), b.getRGB(0, 0, 400, 300, null, 0, 400));
    }
}

package dev.pixelstep.functions.analyser;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

/** Pixel checks for rendered charts. */
final class ChartPixels {

    private ChartPixels() {
    }

    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}

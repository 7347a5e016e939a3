package dev.pixelstep.operations.composition;

import dev.pixelstep.operations.BuiltIns;

import javax.imageio.ImageIO;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Run in a forked JVM by {@link WatermarkWithoutSystemFontsTest}: {@code render <out.png>} draws a
 * watermark on a black image; {@code control <font.ttf>} creates a font the plain way, which fails
 * when the JVM sees no fonts.
 */
public final class WatermarkRenderingMain {

    private WatermarkRenderingMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("control")) {
            Font font = Font.createFont(Font.TRUETYPE_FONT, Path.of(args[1]).toFile());
            System.out.println("created " + font.getFontName());
            return;
        }
        BufferedImage black = new BufferedImage(300, 80, BufferedImage.TYPE_INT_RGB);
        BufferedImage out = BuiltIns.apply("watermark-text(text=\"no system fonts\", size=28, opacity=1, gravity=centre)", black);
        ImageIO.write(out, "png", Path.of(args[1]).toFile());
        System.out.println("rendered");
    }
}

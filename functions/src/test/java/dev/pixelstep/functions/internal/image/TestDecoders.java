package dev.pixelstep.functions.internal.image;

/** {@link ImageDecoder}s for tests of other packages, with or without pixelstep's JPEG decoder whatever the JDK. */
public final class TestDecoders {

    private TestDecoders() {
    }

    /** JPEGs through {@link JpegDecoder} first (ImageIO for the files it declines), as on JDK 25. */
    public static ImageDecoder ownJpeg() {
        return new ImageDecoder(ImageLimits.defaults(), true);
    }

    /** ImageIO only, as on JDK 17 or with {@code -Dpixelstep.jpeg.imageio=true}. */
    public static ImageDecoder imageIoOnly() {
        return new ImageDecoder(ImageLimits.defaults(), false);
    }
}

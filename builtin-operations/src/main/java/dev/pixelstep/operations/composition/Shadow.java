package dev.pixelstep.operations.composition;

import dev.pixelstep.operations.blur.GaussianBlur;
import dev.pixelstep.operations.raster.Bands;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.operations.raster.SeparableGaussian;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.ColorParameter;
import dev.pixelstep.spi.param.DoubleParameter;
import dev.pixelstep.spi.param.IntParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * {@code shadow(blur=8, x=8, y=8, colour=#00000080)}: a drop shadow on a transparent canvas. The
 * canvas grows by pad = ceil(3 blur) + max(|x|, |y|) on every side; the shadow is the source's
 * silhouette (its alpha, or a full rectangle when it is opaque) in {@code colour}, moved by (x, y)
 * and blurred (Gaussian, sigma = blur, premultiplied), and the source is composited over it
 * (source-over) at the canvas's centre. The result always has alpha; JPEG output shows the shadow
 * on white.
 */
public final class Shadow implements ImageOperation {

    /** The shadow's softness. */
    public static final DoubleParameter BLUR = DoubleParameter.of("blur", 8, 0.5, 50, "px", "softness of the shadow (sigma)");
    /** The offset across. */
    public static final IntParameter X = IntParameter.of("x", 8, -200, 200, "px", "how far right the shadow falls");
    /** The offset down. */
    public static final IntParameter Y = IntParameter.of("y", 8, -200, 200, "px", "how far down the shadow falls");
    /** The shadow's colour. */
    public static final ColorParameter COLOUR = ColorParameter.of("colour", new Color(0, 0, 0, 128), "colour and opacity of the shadow");

    private static final GaussianBlur GAUSSIAN = new GaussianBlur();

    @Override
    public String name() {
        return "shadow";
    }

    @Override
    public String description() {
        return "Adds a soft drop shadow on a transparent canvas around the image.";
    }

    @Override
    public boolean addsAlpha() {
        return true;
    }

    static int pad(Parameters parameters) {
        return (int) Math.ceil(3 * parameters.get(BLUR)) + Math.max(Math.abs(parameters.get(X)), Math.abs(parameters.get(Y)));
    }

    @Override
    public ImageSize outputSize(ImageSize source, Parameters parameters) {
        int pad = pad(parameters);
        return new ImageSize(source.width() + 2 * pad, source.height() + 2 * pad);
    }

    /**
     * {@code blur}'s cost on the canvas (premultiplied), a pass that draws the silhouette and one
     * that composites the source (6 units); the result, the silhouette and the blur's buffers.
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        ImageSize canvas = outputSize(source, parameters);
        OperationCost blur = GAUSSIAN.cost(canvas, Parameters.of(GAUSSIAN, Map.of("radius", parameters.get(BLUR))));
        return new OperationCost(blur.work() + 6, blur.bytes() + 4);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(BLUR, X, Y, COLOUR);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int pad = pad(parameters);
        int dx = parameters.get(X);
        int dy = parameters.get(Y);
        Color colour = parameters.get(COLOUR);
        int rgb = colour.getRGB() & 0xffffff;
        int alpha = colour.getAlpha();
        boolean sourceAlpha = source.getColorModel().hasAlpha();
        int[] in = IntImage.readable(source);
        int w = source.getWidth();
        int h = source.getHeight();
        IntImage out = IntImage.blank(w + 2 * pad, h + 2 * pad, true);
        int[] px = out.pixels();
        int ow = out.width();
        int[] silhouette = new int[px.length];
        Bands.run(h, (long) w * h, (from, to) -> {
            for (int y = from; y < to; y++) {
                int row = (y + pad + dy) * ow + pad + dx;
                for (int x = 0; x < w; x++) {
                    int a = sourceAlpha ? in[y * w + x] >>> 24 : 255;
                    silhouette[row + x] = ((a * alpha + 127) / 255) << 24 | rgb;
                }
            }
        });
        SeparableGaussian.blur(silhouette, px, ow, out.height(), parameters.get(BLUR), SeparableGaussian.Mode.PREMULTIPLIED);
        Bands.run(h, (long) w * h, (from, to) -> {
            for (int y = from; y < to; y++) {
                int row = (y + pad) * ow + pad;
                for (int x = 0; x < w; x++) {
                    int p = in[y * w + x];
                    px[row + x] = sourceAlpha ? over(p, px[row + x]) : p | 0xff000000;
                }
            }
        });
        return out.image();
    }

    /** {@code top} over {@code bottom}, both non-premultiplied ARGB. */
    private static int over(int top, int bottom) {
        int ta = top >>> 24;
        if (ta == 255) {
            return top;
        }
        int ba = bottom >>> 24;
        int a = ta * 255 + ba * (255 - ta); // times 255
        if (a == 0) {
            return 0;
        }
        int r = ((((top >> 16) & 0xff) * ta * 255 + ((bottom >> 16) & 0xff) * ba * (255 - ta)) + a / 2) / a;
        int g = ((((top >> 8) & 0xff) * ta * 255 + ((bottom >> 8) & 0xff) * ba * (255 - ta)) + a / 2) / a;
        int b = (((top & 0xff) * ta * 255 + (bottom & 0xff) * ba * (255 - ta)) + a / 2) / a;
        return ((a + 127) / 255) << 24 | r << 16 | g << 8 | b;
    }
}

package ${package};

import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.param.DoubleParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;

/**
 * The {@code ${operationName}} operation: blends every pixel towards a warm amber tint, as far as its
 * {@code strength} says, e.g. {@code ${operationName}(strength=0.3)} in an {@code operations} chain.
 *
 * <p>This is the archetype's working example: keep the shape (a name, a one-line description, declared
 * parameters, an {@link #apply} that returns a new image) and replace the pixel loop with your own.
 * The contract every operation keeps is checked by {@code ${className}Test}, which extends the pixelstep
 * testkit's {@code ImageOperationContract}:
 * <ul>
 *   <li>{@link #apply} never mutates its input and shares no pixel storage with it;</li>
 *   <li>it returns {@code TYPE_INT_ARGB} for a source with an alpha channel (keeping every pixel's alpha)
 *       and {@code TYPE_INT_RGB} otherwise, whatever the source's own type;</li>
 *   <li>it is deterministic and thread-safe: one instance serves every thread, so it keeps no state.</li>
 * </ul>
 * The class is registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.pixelstep.spi.ImageOperation}.
 */
public final class ${className} implements ImageOperation {

    /** The name users write in a chain. */
    public static final String NAME = "${operationName}";

    /** The tint every pixel is blended towards, as packed sRGB {@code 0xRRGGBB}. */
    public static final int TINT = 0xffb347;

    /** How far each pixel moves towards {@link #TINT}: 0 keeps the image, 1 paints it all in the tint. */
    public static final DoubleParameter STRENGTH = DoubleParameter.of("strength", 0.5, 0.0, 1.0, "",
            "how far every pixel moves towards the amber tint: 0 keeps the image, 1 replaces it with the tint");

    private static final List<Parameter<?>> PARAMETERS = List.of(STRENGTH);

    /** Creates the operation; {@link java.util.ServiceLoader} needs this public no-argument constructor. */
    public ${className}() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Blends every pixel towards an amber tint by the given strength.";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return PARAMETERS;
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int width = source.getWidth();
        int height = source.getHeight();
        boolean alpha = source.getColorModel().hasAlpha();
        // A fresh copy of the pixels as packed, non-premultiplied sRGB ARGB, whatever the source's type.
        int[] in = source.getRGB(0, 0, width, height, null, 0, width);
        BufferedImage result = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        // A new TYPE_INT_* image stores its pixels row by row in one int[]: write them directly.
        int[] out = ((DataBufferInt) result.getRaster().getDataBuffer()).getData();
        int weight = (int) Math.round(parameters.get(STRENGTH) * 256);
        int alphaMask = alpha ? 0xff000000 : 0;
        for (int i = 0; i < in.length; i++) {
            int argb = in[i];
            out[i] = (argb & alphaMask)
                    | blend(argb >> 16 & 0xff, TINT >> 16 & 0xff, weight) << 16
                    | blend(argb >> 8 & 0xff, TINT >> 8 & 0xff, weight) << 8
                    | blend(argb & 0xff, TINT & 0xff, weight);
        }
        return result;
    }

    /** Moves {@code channel} towards {@code target} by {@code weight}/256, rounded to the nearest value. */
    private static int blend(int channel, int target, int weight) {
        return channel + (((target - channel) * weight + 128) >> 8);
    }
}

package dev.pixelstep.operations.geometry;

import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.operations.raster.Resampler;
import dev.pixelstep.operations.raster.Resampler.Filter;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.BooleanParameter;
import dev.pixelstep.spi.param.ChoiceParameter;
import dev.pixelstep.spi.param.ColorParameter;
import dev.pixelstep.spi.param.IntParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * {@code resize(width, height, fit=inside, position=centre, background=black, without-enlargement=false,
 * filter=lanczos3)}: scales the image to a width x height box in sharp's vocabulary.
 *
 * <ul>
 *   <li>A side left at 0 (its default) is not given: with one side, the other follows the aspect
 *       ratio (every fit gives the same); with none, the image is kept as it is.</li>
 *   <li>With both sides, {@code fit} says how: {@code inside} (the default: the largest size within
 *       the box, aspect kept, imgproxy's {@code fit}), {@code contain} (that size, placed at
 *       {@code position} on a box-sized canvas of {@code background}), {@code cover} (the smallest
 *       size covering the box, aspect kept, then cut to the box at {@code position}: a compass
 *       point, or the window with the most {@code entropy} or {@code attention}, see
 *       {@link Focus}), {@code outside} (that covering size, not cut) and {@code fill} (exactly
 *       the box, aspect ignored).</li>
 *   <li>Enlarging is on, as in sharp and thumbor: {@code resize(width=800)} of a 64x48 image is
 *       800x600 (and no side of a result but cover's cut exceeds {@value #MAX}: a width alone, or
 *       outside, scales less when the other side would). {@code without-enlargement=true} (sharp's {@code withoutEnlargement}) caps the
 *       scale at 1; so does {@code enlarge=false}, the older spelling, kept so that saved chains
 *       keep their meaning.</li>
 *   <li>{@code filter}: {@code lanczos3} (the default, as in sharp and libvips), {@code bicubic}
 *       (Catmull-Rom), {@code bilinear} or {@code nearest}; separable, antialiased when shrinking,
 *       and box-reduced first when a side shrinks 4 times or more, so the taps per output pixel are
 *       bounded whatever the scale ({@link Resampler}).</li>
 * </ul>
 * Alpha is kept; {@code contain}'s background keeps its alpha on an image with alpha and is opaque
 * on one without.
 */
public final class Resize implements ImageOperation {

    /** The largest box side. */
    public static final int MAX = 8192;

    /** Width of the box; 0 = not given. */
    public static final IntParameter WIDTH = IntParameter.of("width", 0, 0, MAX, "px",
            "width of the box; 0 (the default) follows the height and the aspect ratio");
    /** Height of the box; 0 = not given. */
    public static final IntParameter HEIGHT = IntParameter.of("height", 0, 0, MAX, "px",
            "height of the box; 0 (the default) follows the width and the aspect ratio");
    /** How the image meets a box given by both sides. */
    public static final ChoiceParameter FIT = ChoiceParameter.of("fit", "inside",
            List.of("inside", "contain", "cover", "outside", "fill"),
            "inside: within the box; contain: within, on a box-sized background; cover: cut to the box; "
                    + "outside: covering the box, not cut; fill: exactly the box, aspect ignored");
    /** Where cover cuts and contain places. */
    public static final ChoiceParameter POSITION = ChoiceParameter.of("position", "centre",
            List.of("centre", "north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest",
                    "entropy", "attention"),
            "where cover keeps the image and contain places it: a compass point, or (cover) the most detailed "
                    + "(entropy) or most striking (attention) part");
    /** Background of contain's canvas. */
    public static final ColorParameter BACKGROUND = ColorParameter.of("background", Color.BLACK,
            "colour of contain's canvas around the image");
    /** sharp's withoutEnlargement. */
    public static final BooleanParameter WITHOUT_ENLARGEMENT = BooleanParameter.of("without-enlargement", false,
            "never scale up: an image smaller than the box keeps its size");
    /** The interpolation filter. */
    public static final ChoiceParameter FILTER = ChoiceParameter.of("filter", "lanczos3",
            List.of("lanczos3", "bicubic", "bilinear", "nearest"), "the interpolation filter");
    /** The older spelling of the inverse of without-enlargement. */
    public static final BooleanParameter ENLARGE = BooleanParameter.of("enlarge", true,
            "false never scales up (the older spelling of without-enlargement=true)");

    @Override
    public String name() {
        return "resize";
    }

    @Override
    public String description() {
        return "Scales the image to a box: inside, contain, cover, outside or fill, with a choice of filter.";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(WIDTH, HEIGHT, FIT, POSITION, BACKGROUND, WITHOUT_ENLARGEMENT, FILTER, ENLARGE);
    }

    /** The scaled size of the whole image and the output box it is cut to or placed in. */
    record Geometry(int scaledWidth, int scaledHeight, int width, int height) {
    }

    static Geometry geometry(ImageSize source, Parameters parameters) {
        int w = parameters.get(WIDTH);
        int h = parameters.get(HEIGHT);
        boolean cap = parameters.get(WITHOUT_ENLARGEMENT) || !parameters.get(ENLARGE);
        int sw = source.width();
        int sh = source.height();
        if (w == 0 && h == 0) {
            return new Geometry(sw, sh, sw, sh);
        }
        if (w == 0 || h == 0) {
            double s = Math.min(w > 0 ? (double) w / sw : (double) h / sh, largest(source));
            if (cap && s >= 1) {
                return new Geometry(sw, sh, sw, sh);
            }
            boolean exact = s == (w > 0 ? (double) w / sw : (double) h / sh);
            int ow = w > 0 && exact ? w : side(sw * s);
            int oh = h > 0 && exact ? h : side(sh * s);
            return new Geometry(ow, oh, ow, oh);
        }
        double sx = (double) w / sw;
        double sy = (double) h / sh;
        String fit = parameters.get(FIT);
        if (fit.equals("fill")) {
            int ow = cap && sx > 1 ? sw : w;
            int oh = cap && sy > 1 ? sh : h;
            return new Geometry(ow, oh, ow, oh);
        }
        boolean covering = fit.equals("cover") || fit.equals("outside");
        double s = fit.equals("outside") ? Math.min(Math.max(sx, sy), largest(source))
                : covering ? Math.max(sx, sy) : Math.min(sx, sy);
        if (cap && s >= 1) {
            return fit.equals("contain") ? new Geometry(sw, sh, Math.max(w, sw), Math.max(h, sh))
                    : fit.equals("cover") ? new Geometry(sw, sh, Math.min(w, sw), Math.min(h, sh))
                    : new Geometry(sw, sh, sw, sh);
        }
        int scaledWidth = fit.equals("cover") ? Math.max(w, side(sw * s)) : Math.min(covering ? MAX : w, side(sw * s));
        int scaledHeight = fit.equals("cover") ? Math.max(h, side(sh * s)) : Math.min(covering ? MAX : h, side(sh * s));
        return switch (fit) {
            case "contain", "cover" -> new Geometry(scaledWidth, scaledHeight, w, h);
            default -> new Geometry(scaledWidth, scaledHeight, scaledWidth, scaledHeight);
        };
    }

    /** The largest scale that keeps both sides within {@link #MAX}. */
    private static double largest(ImageSize source) {
        return Math.min((double) MAX / source.width(), (double) MAX / source.height());
    }

    private static int side(double length) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE / 2, Math.round(length)));
    }

    @Override
    public ImageSize outputSize(ImageSize source, Parameters parameters) {
        Geometry g = geometry(source, parameters);
        return new ImageSize(g.width(), g.height());
    }

    /**
     * Work: the resampler's ({@link Resampler#work}: about 4 units a filter tap, both passes, and
     * 1.5 units a source pixel when a side is box-reduced first), computed only for the part of the
     * scaled image that is kept, plus 2 for contain's canvas and the focus analysis (one read of
     * every source pixel, about 3 units) for entropy or attention. Bytes: the result, the
     * resampler's buffers ({@link Resampler#bytes}), contain's scaled image (4 per scaled pixel)
     * and the focus analysis's grids. An unchanged size is a copy.
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        Geometry g = geometry(source, parameters);
        ImageSize out = new ImageSize(g.width(), g.height());
        if (g.scaledWidth() == source.width() && g.scaledHeight() == source.height() && out.equals(source)) {
            return new OperationCost(4, 4); // a copy
        }
        int dw = Math.min(g.width(), g.scaledWidth());
        int dh = Math.min(g.height(), g.scaledHeight());
        Filter filter = filter(parameters);
        double kept = (double) dw * dh / out.pixels();
        double work = Resampler.work(source.width(), source.height(), g.scaledWidth(), g.scaledHeight(), dw, dh, filter) * kept + 2;
        double bytes = 4 + Resampler.bytes(source.width(), source.height(), g.scaledWidth(), g.scaledHeight(), dw, dh, filter) * kept;
        if (!out.equals(new ImageSize(dw, dh))) {
            bytes += 4 * kept;
        }
        if (focused(parameters)) {
            work += 3.0 * source.pixels() / out.pixels();
            bytes += (double) Focus.workingBytes(source.width(), source.height()) / out.pixels();
        }
        return new OperationCost(work, bytes);
    }

    private static boolean focused(Parameters parameters) {
        String position = parameters.get(POSITION);
        return parameters.get(FIT).equals("cover") && (position.equals("entropy") || position.equals("attention"))
                && parameters.get(WIDTH) > 0 && parameters.get(HEIGHT) > 0;
    }

    private static Filter filter(Parameters parameters) {
        return Filter.valueOf(parameters.get(FILTER).toUpperCase(Locale.ROOT));
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        ImageSize size = ImageSize.of(source);
        Geometry g = geometry(size, parameters);
        int[] in = IntImage.readable(source);
        boolean alpha = IntImage.hasAlpha(source, true);
        IntImage out = IntImage.blank(g.width(), g.height(), alpha);
        int sw = size.width();
        int sh = size.height();
        if (g.scaledWidth() == sw && g.scaledHeight() == sh && g.width() == sw && g.height() == sh) {
            copy(in, out.pixels(), alpha);
            return out.image();
        }
        Filter filter = filter(parameters);
        String position = parameters.get(POSITION);
        if (g.width() <= g.scaledWidth() && g.height() <= g.scaledHeight()) {
            // cover (or no canvas): compute only the kept window of the scaled image
            int x0;
            int y0;
            if (focused(parameters)) {
                double sx = (double) g.scaledWidth() / sw;
                double sy = (double) g.scaledHeight() / sh;
                int[] at = Focus.best(in, sw, sh, Math.min(sw, (int) Math.ceil(g.width() / sx)),
                        Math.min(sh, (int) Math.ceil(g.height() / sy)), position);
                x0 = (int) Math.min(g.scaledWidth() - g.width(), Math.round(at[0] * sx));
                y0 = (int) Math.min(g.scaledHeight() - g.height(), Math.round(at[1] * sy));
            } else {
                x0 = offset(g.scaledWidth() - g.width(), horizontal(position));
                y0 = offset(g.scaledHeight() - g.height(), vertical(position));
            }
            if (g.scaledWidth() == sw && g.scaledHeight() == sh) {
                for (int y = 0; y < g.height(); y++) {
                    System.arraycopy(in, (y0 + y) * sw + x0, out.pixels(), y * g.width(), g.width());
                }
                if (!alpha) {
                    opaque(out.pixels());
                }
            } else {
                Resampler.resample(in, sw, sh, g.scaledWidth(), g.scaledHeight(), x0, y0, out.pixels(), g.width(), g.height(), alpha, filter);
            }
            return out.image();
        }
        // contain: the scaled image on a canvas
        int[] scaled;
        if (g.scaledWidth() == sw && g.scaledHeight() == sh) {
            scaled = in;
        } else {
            scaled = new int[g.scaledWidth() * g.scaledHeight()];
            Resampler.resample(in, sw, sh, scaled, g.scaledWidth(), g.scaledHeight(), alpha, filter);
        }
        Color background = parameters.get(BACKGROUND);
        out.fill(alpha ? background.getRGB() : background.getRGB() | 0xff000000);
        int x0 = offset(g.width() - g.scaledWidth(), horizontal(position));
        int y0 = offset(g.height() - g.scaledHeight(), vertical(position));
        for (int y = 0; y < g.scaledHeight(); y++) {
            System.arraycopy(scaled, y * g.scaledWidth(), out.pixels(), (y0 + y) * g.width() + x0, g.scaledWidth());
        }
        if (!alpha) {
            opaque(out.pixels());
        }
        return out.image();
    }

    private static void copy(int[] in, int[] out, boolean alpha) {
        System.arraycopy(in, 0, out, 0, out.length);
        if (!alpha) {
            opaque(out);
        }
    }

    private static void opaque(int[] pixels) {
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] |= 0xff000000;
        }
    }

    /** -1 west, 0 centre, 1 east (entropy and attention: centre). */
    static int horizontal(String position) {
        return position.endsWith("west") ? -1 : position.endsWith("east") ? 1 : 0;
    }

    /** -1 north, 0 centre, 1 south. */
    static int vertical(String position) {
        return position.startsWith("north") ? -1 : position.startsWith("south") ? 1 : 0;
    }

    /** Where a side with {@code slack} pixels to spare starts for an alignment of -1, 0 or 1. */
    static int offset(int slack, int alignment) {
        return alignment < 0 ? 0 : alignment > 0 ? slack : slack / 2;
    }
}

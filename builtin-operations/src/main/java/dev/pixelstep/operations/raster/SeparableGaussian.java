package dev.pixelstep.operations.raster;

/**
 * Gaussian blur of packed pixels, separable, in integer arithmetic, edges extended (clamped), the
 * cost of a pixel independent of the image size and the number of threads (bands of rows run in
 * parallel; every output value depends only on the input, so the result is the same whatever
 * the number of threads).
 *
 * <ul>
 *   <li>sigma up to {@link #EXACT_UP_TO}: the exact kernel ({@link ExactGaussian}, 2 ceil(3 sigma) + 1
 *       taps, both passes fused), bit-identical to the two-pass kernel it replaced.</li>
 *   <li>above, up to {@link #MAX_SIGMA}: three stacked box filters per direction ({@link BoxGaussian}),
 *       whose cost per pixel does not grow with sigma (on one core, 12 MP: sigma 100 about 1.9
 *       times the cost of the exact sigma 2 on JDK 25, 2.7 on JDK 17; they cross over with the
 *       exact kernel's growing cost near sigma 4). Against the exact kernel: at most 8 levels per 8-bit channel
 *       (full-contrast hard edges near sigma 5; 3-6 on noise), a mean absolute difference of at most
 *       3 levels over any image (small ones, where the extended edges dominate) and below 0.75 more
 *       than 3 sigma from the edges of a large one,
 *       the mean kept within 0.15, flat images exactly flat, mirror-symmetric
 *       ({@code BoxGaussianTest}).</li>
 * </ul>
 *
 * <p>With {@link Mode#RGB} the colour channels are blurred and each pixel keeps its own alpha
 * bits; with {@link Mode#PREMULTIPLIED} alpha is blurred too and colours are weighted by alpha,
 * so transparent pixels do not bleed their (invisible) colour into visible ones.
 */
public final class SeparableGaussian {

    /** How alpha is treated. */
    public enum Mode {
        /** Blur red, green and blue; keep every pixel's alpha bits. */
        RGB,
        /** Blur alpha too, with colours premultiplied by alpha. */
        PREMULTIPLIED,
        /**
         * A grey image (red = green = blue in every pixel): blur one channel and keep every pixel's
         * alpha bits; the same result as {@link #RGB} for a third of the work. {@link #blur} picks it.
         */
        GRAY
    }

    /** The largest sigma blurred with the exact kernel; larger ones use stacked box filters. */
    public static final double EXACT_UP_TO = 4;

    /** The largest sigma supported. */
    public static final double MAX_SIGMA = BoxGaussian.MAX_SIGMA;

    private SeparableGaussian() {
    }

    /**
     * Blurs {@code source} into {@code target} (both {@code width * height} packed pixels; they may
     * not be the same array) with a Gaussian of standard deviation {@code sigma} pixels.
     *
     * @throws IllegalArgumentException if the arrays are the same or sigma is not in (0, {@link #MAX_SIGMA}]
     */
    public static void blur(int[] source, int[] target, int width, int height, double sigma, Mode mode) {
        if (source == target) {
            throw new IllegalArgumentException("source and target must differ");
        }
        if (mode == Mode.RGB && GrayPixels.all(source)) {
            mode = Mode.GRAY;
        }
        if (sigma <= EXACT_UP_TO) {
            ExactGaussian.blur(source, target, width, height, GaussianKernel.of(sigma), mode);
        } else {
            BoxGaussian.blur(source, target, width, height, sigma, mode);
        }
    }

    /**
     * The heap {@link #blur} allocates besides its target for a {@code width x height} image, in
     * bytes: up to {@link #EXACT_UP_TO} the exact kernel's ring of {@code taps} rows per band of
     * rows; above, the box filters' 16-bit planes, padded lines per band of rows and padded
     * strips per band of columns, which grow with sigma only through the padding (see
     * {@link #padding}) and dominate on images not much larger than it. Bands are counted as
     * this machine's processors make them. {@link Mode#GRAY} needs less than {@link Mode#RGB}, so
     * an operation that may get either declares {@code RGB}.
     */
    public static long workingBytes(int width, int height, double sigma, Mode mode) {
        if (sigma <= EXACT_UP_TO) {
            return ExactGaussian.workingBytes(width, height, GaussianKernel.of(sigma).half(), mode);
        }
        BoxGaussian.Passes passes = BoxGaussian.Passes.of(sigma);
        return mode == Mode.PREMULTIPLIED ? LongBoxPasses.workingBytes(width, height, passes, mode)
                : IntBoxPasses.workingBytes(width, height, passes, mode);
    }

    /**
     * How much longer than the image the blur's padded lines and columns are, together: {@code
     * 2 reach (1 / width + 1 / height)}, where reach is how far beyond each edge it reads (the
     * image extended by its edge pixels): the exact kernel's half width, or what the three box
     * passes reach together (about 3 sigma). Zero for an unbounded image; it dominates the box
     * filters' work on images not much larger than the reach.
     */
    public static double padding(int width, int height, double sigma) {
        int reach = sigma <= EXACT_UP_TO ? GaussianKernel.of(sigma).half() : BoxGaussian.Passes.of(sigma).reach();
        return 2.0 * reach * (1.0 / width + 1.0 / height);
    }

    /** The heap bytes of an array of {@code length} elements of {@code elementBytes} each: a 16-byte header, 8-byte aligned. */
    static long array(long length, int elementBytes) {
        return 16 + ((length * elementBytes + 7) & ~7L);
    }
}

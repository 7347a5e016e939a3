package dev.pixelstep.operations.detail;

import dev.pixelstep.operations.raster.Bands;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.DoubleParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;
import dev.pixelstep.spi.param.TextParameter;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code convolve(kernel="0 -1 0 -1 5 -1 0 -1 0", offset=0)}: a square convolution kernel of side
 * n = 3, 5 or 7, written row by row as n x n numbers separated by spaces in one quoted text (the
 * chain's {@link TextParameter} with a pattern, so a malformed kernel is refused when the chain is
 * read). Per colour channel, edges extended (clamped):
 * c'(x, y) = clamp(offset + sum k(i, j) c(x + i - n/2, y + j - n/2) / s), with s the sum of the
 * weights, or 1 when they sum to 0 (edge kernels; add an offset such as 128 to see both signs).
 * As sharp's {@code convolve} with its default scale. Every pixel keeps its alpha.
 *
 * <p>Weights are fixed point (k / s times 65536, rounded; sums in longs: the rounding of 49 weights
 * moves a result by at most 0.4 levels), so a kernel's result is the same on
 * every machine, and a kernel whose weights do not sum to 0 keeps a flat image flat exactly (the centre
 * weight takes the rounding of the others); rows are independent and run in parallel bands.
 */
public final class Convolve implements ImageOperation {

    private static final String NUMBER = "-?(?:\\d{1,4}(?:\\.\\d{1,4})?|\\.\\d{1,4})";
    private static final Pattern KERNEL_PATTERN = Pattern.compile(
            " *" + NUMBER + "(?: +" + NUMBER + "){8} *| *" + NUMBER + "(?: +" + NUMBER + "){24} *| *" + NUMBER + "(?: +" + NUMBER + "){48} *");

    /** The kernel's weights, row by row. */
    public static final TextParameter KERNEL = TextParameter.matching("kernel", "0 -1 0 -1 5 -1 0 -1 0", 600, KERNEL_PATTERN,
            "9, 25 or 49 numbers (a 3x3, 5x5 or 7x7 kernel row by row) separated by spaces, each -9999.9999..9999.9999",
            "the weights of a square kernel, row by row (the default sharpens)");
    /** Added after the weighted sum. */
    public static final DoubleParameter OFFSET = DoubleParameter.of("offset", 0, -255, 255, "levels",
            "added to every result (128 shows the negative side of an edge kernel)");

    private static final int ONE = 1 << 16;
    private static final long LIMIT = 1L << 40;

    @Override
    public String name() {
        return "convolve";
    }

    @Override
    public String description() {
        return "Applies a 3x3, 5x5 or 7x7 convolution kernel of your own (sharpen, edge, emboss, box blur ...).";
    }

    /**
     * n^2 multiply-adds per colour channel and pixel, n at most 7: declared 8 + 1.8 n^2 units
     * (24.2 for 3x3, 96.2 for 7x7; measured 22.8, 51.0 and 91.5 for 3, 5 and 7). Bytes: the result and per band a table of clamped column
     * indices and the kernel.
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        int n = side(parameters.get(KERNEL));
        double bands = Bands.bands(source.height(), source.pixels());
        return new OperationCost(8 + 1.8 * n * n, 4 + (bands * (4.0 * (source.width() + 8) + 64) + 2048) / source.pixels());
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(KERNEL, OFFSET);
    }

    /** The kernel's numbers, as written. */
    static double[] weights(String kernel) {
        return Arrays.stream(kernel.strip().split(" +")).mapToDouble(Double::parseDouble).toArray();
    }

    private static int side(String kernel) {
        return (int) Math.round(Math.sqrt(weights(kernel).length));
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        double[] w = weights(parameters.get(KERNEL));
        int n = (int) Math.round(Math.sqrt(w.length));
        double sum = Arrays.stream(w).sum();
        double scale = Math.abs(sum) < 1e-9 ? 1 : sum;
        long[] k = new long[w.length];
        for (int i = 0; i < w.length; i++) {
            // a sum near 0 makes huge weights; beyond 2^40 / 65536 they give 0 or 255 anyway, and longs never overflow
            k[i] = Math.max(-LIMIT, Math.min(LIMIT, Math.round(w[i] / scale * ONE)));
        }
        if (scale == sum) {
            // the rounded weights sum to exactly ONE (the centre takes the rounding), so flat areas stay flat
            k[k.length / 2] += ONE - Arrays.stream(k).sum();
        }
        long offset = Math.round(parameters.get(OFFSET) * ONE) + ONE / 2;
        int[] in = IntImage.readable(source);
        IntImage out = IntImage.blankLike(source, true);
        int[] px = out.pixels();
        int width = out.width();
        int height = out.height();
        Bands.run(height, (long) width * height * n, (from, to) -> rows(in, px, width, height, n, k, offset, from, to));
        return out.image();
    }

    private static void rows(int[] in, int[] px, int width, int height, int n, long[] k, long offset, int fromRow, int toRow) {
        int r = n / 2;
        int[] column = new int[width + 2 * r];
        for (int x = 0; x < column.length; x++) {
            column[x] = Math.min(width - 1, Math.max(0, x - r));
        }
        int[] rowStart = new int[n];
        for (int y = fromRow; y < toRow; y++) {
            for (int j = 0; j < n; j++) {
                rowStart[j] = Math.min(height - 1, Math.max(0, y + j - r)) * width;
            }
            for (int x = 0, o = y * width; x < width; x++, o++) {
                long red = offset;
                long green = offset;
                long blue = offset;
                for (int j = 0, t = 0; j < n; j++) {
                    int start = rowStart[j];
                    for (int i = 0; i < n; i++, t++) {
                        int p = in[start + column[x + i]];
                        long weight = k[t];
                        red += weight * ((p >> 16) & 0xff);
                        green += weight * ((p >> 8) & 0xff);
                        blue += weight * (p & 0xff);
                    }
                }
                px[o] = (in[o] & 0xff000000) | channel(red) << 16 | channel(green) << 8 | channel(blue);
            }
        }
    }

    private static int channel(long fixed) {
        long v = fixed >> 16;
        return v < 0 ? 0 : (v > 255 ? 255 : (int) v);
    }
}

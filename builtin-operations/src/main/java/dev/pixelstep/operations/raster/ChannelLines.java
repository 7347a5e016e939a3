package dev.pixelstep.operations.raster;

/**
 * The per-channel form the Gaussian kernels work in: a row of packed pixels split into one line
 * per channel of 16-bit values (8-bit values times 256, or premultiplied by alpha and scaled to
 * 0..65535), and the way back. With {@link SeparableGaussian.Mode#RGB} there are three lines (red,
 * green, blue) and every pixel keeps its own alpha bits; with
 * {@link SeparableGaussian.Mode#PREMULTIPLIED} four (alpha last); with
 * {@link SeparableGaussian.Mode#GRAY} one (the blue channel, which equals the others).
 */
final class ChannelLines {

    private ChannelLines() {
    }

    /** How many lines a mode needs. */
    static int channels(SeparableGaussian.Mode mode) {
        return switch (mode) {
            case RGB -> 3;
            case PREMULTIPLIED -> 4;
            case GRAY -> 1;
        };
    }

    /**
     * Row {@code row} (offset of its first pixel) of {@code source} into {@code lines[c][pad .. pad + width)},
     * the {@code pad} places on either side filled with the edge pixels (the image extended);
     * {@code scratch} holds at least {@code width + 2 pad} ints. The packed row is extended first and
     * split once along its whole length; splitting the row and then moving each line by {@code pad}
     * (a copy within one array, backwards) took about 15% of a sigma 100 blur on JDK 25.
     */
    static void unpack(int[] source, int row, int width, int pad, int[][] lines, int[] scratch, SeparableGaussian.Mode mode) {
        extend(source, row, width, -pad, width + 2 * pad, scratch);
        split(scratch, lines, width + 2 * pad, mode);
    }

    /**
     * {@code pixels[i] = source[row + clamp(from + i)]} for i below {@code count}, clamp keeping the
     * place within {@code [0, width)}: part of the row starting at {@code row}, extended by its edge
     * pixels where it reaches beyond them (the image extended).
     */
    static void extend(int[] source, int row, int width, int from, int count, int[] pixels) {
        int inside = Math.min(count, Math.max(0, -from)); // i below this reads before the first pixel
        int outside = Math.max(inside, Math.min(count, width - from)); // i from this on reads after the last
        java.util.Arrays.fill(pixels, 0, inside, source[row]);
        System.arraycopy(source, row + from + inside, pixels, inside, outside - inside);
        java.util.Arrays.fill(pixels, outside, count, source[row + width - 1]);
    }

    /**
     * The first {@code width} packed pixels of {@code pixels} into {@code lines[c][0 .. width)}. Every
     * array is indexed alike, so the JIT can vectorise the loops (it does not when one array is read at
     * an offset that is not a constant).
     */
    static void split(int[] pixels, int[][] lines, int width, SeparableGaussian.Mode mode) {
        if (mode == SeparableGaussian.Mode.RGB) {
            int[] r = lines[0];
            int[] g = lines[1];
            int[] b = lines[2];
            for (int x = 0; x < width; x++) {
                int p = pixels[x];
                r[x] = (p >> 8) & 0xff00;
                g[x] = p & 0xff00;
                b[x] = (p & 0xff) << 8;
            }
        } else if (mode == SeparableGaussian.Mode.GRAY) {
            int[] v = lines[0];
            for (int x = 0; x < width; x++) {
                v[x] = (pixels[x] & 0xff) << 8;
            }
        } else {
            int[] r = lines[0];
            int[] g = lines[1];
            int[] b = lines[2];
            int[] a = lines[3];
            for (int x = 0; x < width; x++) {
                int p = pixels[x];
                int alpha = p >>> 24;
                r[x] = premultiply((p >> 16) & 0xff, alpha);
                g[x] = premultiply((p >> 8) & 0xff, alpha);
                b[x] = premultiply(p & 0xff, alpha);
                a[x] = alpha * 257;
            }
        }
    }

    /**
     * Packs {@code width} output pixels into {@code target[row ..]} from per-channel sums of 16-bit
     * values scaled by {@code 1 << shift} (rounded here; shift 0 for the values themselves),
     * keeping the alpha bits of {@code source} with {@link SeparableGaussian.Mode#RGB};
     * {@code scratch} holds at least {@code width} ints.
     */
    static void pack(int[][] sums, int shift, int[] source, int[] target, int row, int width, int[] scratch,
                     SeparableGaussian.Mode mode) {
        System.arraycopy(source, row, scratch, 0, width);
        join(sums, shift, scratch, width, mode);
        System.arraycopy(scratch, 0, target, row, width);
    }

    /**
     * Replaces the first {@code width} packed pixels of {@code pixels} by those packed from {@code sums}
     * (as {@link #pack}), keeping their alpha bits with {@link SeparableGaussian.Mode#RGB} and
     * {@link SeparableGaussian.Mode#GRAY}. Indexed alike throughout, like {@link #split}.
     */
    static void join(int[][] sums, int shift, int[] pixels, int width, SeparableGaussian.Mode mode) {
        int round = shift == 0 ? 0 : 1 << (shift - 1);
        if (mode == SeparableGaussian.Mode.RGB) {
            int[] r = sums[0];
            int[] g = sums[1];
            int[] b = sums[2];
            for (int x = 0; x < width; x++) {
                pixels[x] = (pixels[x] & 0xff000000)
                        | eight((r[x] + round) >>> shift) << 16 | eight((g[x] + round) >>> shift) << 8 | eight((b[x] + round) >>> shift);
            }
        } else if (mode == SeparableGaussian.Mode.GRAY) {
            int[] v = sums[0];
            for (int x = 0; x < width; x++) {
                int g = eight((v[x] + round) >>> shift);
                pixels[x] = (pixels[x] & 0xff000000) | g << 16 | g << 8 | g;
            }
        } else {
            for (int x = 0; x < width; x++) {
                int alpha = (sums[3][x] + round) >>> shift;
                if (alpha == 0) {
                    pixels[x] = 0;
                    continue;
                }
                pixels[x] = ((alpha * 255 + 32767) / 65535) << 24
                        | unpremultiply((sums[0][x] + round) >>> shift, alpha) << 16
                        | unpremultiply((sums[1][x] + round) >>> shift, alpha) << 8
                        | unpremultiply((sums[2][x] + round) >>> shift, alpha);
            }
        }
    }

    /**
     * An 8-bit channel from a 16-bit value scaled by 256, rounded; for a non-negative value
     * {@code min(255, (sixteen + 128) >> 8)}, written without {@code Math.min}, which JDK 17's JIT
     * does not vectorise for ints (the join loops stayed scalar there: 38 ms of a 12 MP sigma 2 blur).
     */
    private static int eight(int sixteen) {
        int v = (sixteen + 128) >> 8;
        return (v | (255 - v) >> 31) & 0xff;
    }

    /** Colour c premultiplied by alpha a, scaled to 0..65535. */
    private static int premultiply(int c, int a) {
        return (c * a * 257 + 127) / 255;
    }

    private static int unpremultiply(int premultiplied, int alpha) {
        return Math.min(255, (premultiplied * 255 + alpha / 2) / alpha);
    }
}

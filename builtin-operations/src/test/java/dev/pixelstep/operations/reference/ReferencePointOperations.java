package dev.pixelstep.operations.reference;

import dev.pixelstep.operations.raster.IntImage;

import java.awt.image.BufferedImage;
import java.util.function.IntUnaryOperator;

/**
 * The reference oracle for the point operations: their arithmetic as it was before issue 13 (copy
 * the source into a new image, then transform the copy in place), kept in test scope. The fused
 * operations that replaced it (compute from the source straight into the new image) must give
 * exactly these pixels.
 */
public final class ReferencePointOperations {

    private static final int SHIFT = 12;
    private static final int ONE = 1 << SHIFT;

    private ReferencePointOperations() {
    }

    public static BufferedImage grayscale(BufferedImage source) {
        IntImage out = IntImage.copyOf(source, true);
        int[] px = out.pixels();
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int y = luma(p);
            px[i] = (p & 0xff000000) | y << 16 | y << 8 | y;
        }
        return out.image();
    }

    public static BufferedImage invert(BufferedImage source) {
        IntImage out = IntImage.copyOf(source, true);
        int[] px = out.pixels();
        for (int i = 0; i < px.length; i++) {
            px[i] ^= 0x00ffffff;
        }
        return out.image();
    }

    public static BufferedImage threshold(BufferedImage source, int level) {
        IntImage out = IntImage.copyOf(source, true);
        int[] px = out.pixels();
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            px[i] = (p & 0xff000000) | (luma(p) >= level ? 0xffffff : 0);
        }
        return out.image();
    }

    public static BufferedImage brightness(BufferedImage source, double amount) {
        int shift = (int) Math.round(amount * 255);
        return table(source, v -> v + shift);
    }

    public static BufferedImage contrast(BufferedImage source, double factor) {
        return table(source, v -> (int) Math.floor(127.5 + (v - 127.5) * factor + 0.5));
    }

    public static BufferedImage posterize(BufferedImage source, int levels) {
        int steps = levels - 1;
        return table(source, v -> (int) Math.round(Math.round(v * steps / 255.0) * 255.0 / steps));
    }

    public static BufferedImage solarize(BufferedImage source, int threshold) {
        return table(source, v -> v >= threshold ? 255 - v : v);
    }

    public static BufferedImage sepia(BufferedImage source, double intensity) {
        double[] sepia = {0.393, 0.769, 0.189, 0.349, 0.686, 0.168, 0.272, 0.534, 0.131};
        double[] mixed = new double[9];
        for (int i = 0; i < 9; i++) {
            mixed[i] = intensity * sepia[i] + (i % 4 == 0 ? 1 - intensity : 0);
        }
        return matrix(source, mixed, false);
    }

    public static BufferedImage saturation(BufferedImage source, double k) {
        double[] luma = {77 / 256.0, 150 / 256.0, 29 / 256.0};
        double[] m = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                m[row * 3 + col] = (1 - k) * luma[col] + (row == col ? k : 0);
            }
        }
        return matrix(source, m, true);
    }

    public static BufferedImage hueRotate(BufferedImage source, double degrees) {
        double angle = Math.toRadians(degrees);
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double[] m = {
            0.213 + c * 0.787 - s * 0.213, 0.715 - c * 0.715 - s * 0.715, 0.072 - c * 0.072 + s * 0.928,
            0.213 - c * 0.213 + s * 0.143, 0.715 + c * 0.285 + s * 0.140, 0.072 - c * 0.072 - s * 0.283,
            0.213 - c * 0.213 - s * 0.787, 0.715 - c * 0.715 + s * 0.715, 0.072 + c * 0.928 + s * 0.072,
        };
        return matrix(source, m, true);
    }

    public static BufferedImage vignette(BufferedImage source, double strength, double start) {
        IntImage out = IntImage.copyOf(source, true);
        int[] px = out.pixels();
        int width = out.width();
        int height = out.height();
        double cx = width / 2.0;
        double cy = height / 2.0;
        double halfDiagonal = Math.sqrt(cx * cx + cy * cy);
        for (int y = 0; y < height; y++) {
            double dy = (y + 0.5 - cy) / halfDiagonal;
            for (int x = 0, i = y * width; x < width; x++, i++) {
                double dx = (x + 0.5 - cx) / halfDiagonal;
                double d = Math.sqrt(dx * dx + dy * dy);
                if (d <= start) {
                    continue;
                }
                double t = start >= 1 ? 0 : Math.min(1, (d - start) / (1 - start));
                int k = (int) Math.round((1 - strength * t * t * (3 - 2 * t)) * 256);
                int p = px[i];
                px[i] = (p & 0xff000000)
                        | ((((p >> 16) & 0xff) * k + 128) >> 8) << 16
                        | ((((p >> 8) & 0xff) * k + 128) >> 8) << 8
                        | (((p & 0xff) * k + 128) >> 8);
            }
        }
        return out.image();
    }

    private static int luma(int rgb) {
        return (77 * ((rgb >> 16) & 0xff) + 150 * ((rgb >> 8) & 0xff) + 29 * (rgb & 0xff) + 128) >> 8;
    }

    private static BufferedImage table(BufferedImage source, IntUnaryOperator function) {
        int[] t = new int[256];
        for (int v = 0; v < 256; v++) {
            t[v] = Math.max(0, Math.min(255, function.applyAsInt(v)));
        }
        IntImage out = IntImage.copyOf(source, true);
        int[] px = out.pixels();
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            px[i] = (p & 0xff000000) | t[(p >> 16) & 0xff] << 16 | t[(p >> 8) & 0xff] << 8 | t[p & 0xff];
        }
        return out.image();
    }

    private static BufferedImage matrix(BufferedImage source, double[] entries, boolean keepGrays) {
        int[] m = new int[9];
        for (int row = 0; row < 3; row++) {
            int sum = 0;
            for (int col = 0; col < 3; col++) {
                m[row * 3 + col] = (int) Math.round(entries[row * 3 + col] * ONE);
                sum += m[row * 3 + col];
            }
            if (keepGrays) {
                m[row * 3 + row] += ONE - sum;
            }
        }
        IntImage out = IntImage.copyOf(source, true);
        int[] px = out.pixels();
        int round = ONE / 2;
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            int nr = Math.max(0, Math.min(255, (m[0] * r + m[1] * g + m[2] * b + round) >> SHIFT));
            int ng = Math.max(0, Math.min(255, (m[3] * r + m[4] * g + m[5] * b + round) >> SHIFT));
            int nb = Math.max(0, Math.min(255, (m[6] * r + m[7] * g + m[8] * b + round) >> SHIFT));
            px[i] = (p & 0xff000000) | nr << 16 | ng << 8 | nb;
        }
        return out.image();
    }
}

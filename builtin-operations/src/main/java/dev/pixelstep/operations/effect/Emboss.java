package dev.pixelstep.operations.effect;

import dev.pixelstep.operations.raster.Bands;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.BooleanParameter;
import dev.pixelstep.spi.param.DoubleParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code emboss(azimuth=135, elevation=30, depth=1, color=false)}: lights the image as a relief
 * from the given direction; gray by default, or shading the colours with {@code color=true}. Alpha
 * is kept.
 *
 * <p>The relief is the brightness (r + g + b) / 3; a pixel's normal is (nx, ny, nz) with nx the
 * left column minus the right column and ny the bottom row minus the top row of the 3x3 sums of
 * brightness, nz = (int) (1530 / (3 depth)), and the light L = 255.9 (cos a cos e, sin a cos e, sin e)
 * (each truncated to an integer); the shade is L.n / |n|, 0 where negative, and sin e 255.9 where the
 * relief is flat. The formula of the JHLabs {@code EmbossFilter} this replaces (issue 13), with the
 * same pixels, its quirks included: the 3x3 window of pixel (x, y) is the one centred on (x, y + 1),
 * and the first row and column and the last two rows and columns are flat. In integers but for the
 * normalisation, reading the source in place and writing the result in parallel bands of rows,
 * with three rows of brightness per band (the filter copied the source, ran on one thread and kept
 * two int arrays besides its result).
 */
public final class Emboss implements ImageOperation {

    /** Direction of the light, counter-clockwise from the right. */
    public static final DoubleParameter AZIMUTH = DoubleParameter.of("azimuth", 135, 0, 360, "degrees",
            "direction the light comes from, counter-clockwise from the right");
    /** Height of the light above the image plane. */
    public static final DoubleParameter ELEVATION = DoubleParameter.of("elevation", 30, 0, 90, "degrees",
            "height of the light above the image: low light gives deep shadows");
    /** How high the relief is. */
    public static final DoubleParameter DEPTH = DoubleParameter.of("depth", 1, 0.1, 10, "",
            "how high the relief stands");
    /** Whether colours are kept and shaded instead of a gray relief. */
    public static final BooleanParameter COLOR = BooleanParameter.of("color", false,
            "keep and shade the colours instead of a gray relief");

    @Override
    public String name() {
        return "emboss";
    }

    @Override
    public String description() {
        return "Makes the image look raised or stamped, lit from one side.";
    }

    /**
     * Per pixel a brightness, two 3x3 sums, a dot product, a square root and a division; the
     * result and three rows of brightness per band.
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        double bands = Bands.bands(source.height(), source.pixels());
        return new OperationCost(8, 4 + (bands * (3 * 4.0 * source.width() + 64)) / source.pixels());
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(AZIMUTH, ELEVATION, DEPTH, COLOR);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        Light light = Light.of(parameters.get(AZIMUTH), parameters.get(ELEVATION), parameters.get(DEPTH));
        boolean color = parameters.get(COLOR);
        int[] in = IntImage.readable(source);
        IntImage out = IntImage.blankLike(source, true);
        int[] px = out.pixels();
        int width = out.width();
        int height = out.height();
        Bands.run(height, (long) width * height, (from, to) -> {
            int[][] rows = new int[3][width]; // the brightness of rows y, y + 1 and y + 2, as rows[(y + i) % 3]
            int ready = from; // rows from..ready - 1 are in the ring
            for (int y = from; y < to; y++) {
                boolean relief = y != 0 && y < height - 2 && width > 3;
                if (relief) {
                    for (ready = Math.max(ready, y); ready <= y + 2; ready++) {
                        brightness(in, ready * width, rows[ready % 3], width);
                    }
                }
                row(in, px, y * width, width, relief ? rows[y % 3] : null, rows[(y + 1) % 3], rows[(y + 2) % 3], light, color);
            }
        });
        return out.image();
    }

    private static void brightness(int[] in, int offset, int[] row, int width) {
        for (int x = 0; x < width; x++) {
            int p = in[offset + x];
            row[x] = ((p >> 16 & 0xff) + (p >> 8 & 0xff) + (p & 0xff)) / 3;
        }
    }

    /** One output row; {@code top} is null where the whole row is flat (the first and the last two rows). */
    private static void row(int[] in, int[] px, int at, int width, int[] top, int[] middle, int[] bottom, Light light, boolean color) {
        for (int x = 0; x < width; x++) {
            int shade = light.background;
            if (top != null && x != 0 && x < width - 2) {
                int nx = top[x - 1] + middle[x - 1] + bottom[x - 1] - top[x + 1] - middle[x + 1] - bottom[x + 1];
                int ny = bottom[x - 1] + bottom[x] + bottom[x + 1] - top[x - 1] - top[x] - top[x + 1];
                if (nx != 0 || ny != 0) {
                    int dot = nx * light.x + ny * light.y + light.zTimesNormalZ;
                    shade = dot < 0 ? 0 : (int) (dot / Math.sqrt(nx * nx + ny * ny + light.normalZSquared));
                }
            }
            int p = in[at + x];
            if (color) {
                px[at + x] = (p & 0xff000000) | ((p >> 16 & 0xff) * shade >> 8) << 16 | ((p >> 8 & 0xff) * shade >> 8) << 8
                        | (p & 0xff) * shade >> 8;
            } else {
                px[at + x] = (p & 0xff000000) | shade << 16 | shade << 8 | shade;
            }
        }
    }

    /**
     * The light and the relief's height in the filter's integers: the light vector scaled by
     * 255.9 (a float, as the filter has it) and truncated, nz from the depth in floats.
     */
    private record Light(int x, int y, int background, int normalZSquared, int zTimesNormalZ) {

        private static final double SCALE = 255.9f;

        static Light of(double azimuthDegrees, double elevationDegrees, double depth) {
            float azimuth = (float) Math.toRadians(azimuthDegrees);
            float elevation = (float) Math.toRadians(elevationDegrees);
            int lx = (int) (Math.cos(azimuth) * Math.cos(elevation) * SCALE);
            int ly = (int) (Math.sin(azimuth) * Math.cos(elevation) * SCALE);
            int lz = (int) (Math.sin(elevation) * SCALE);
            int nz = (int) (1530f / (3 * (float) depth));
            return new Light(lx, ly, lz, nz * nz, nz * lz);
        }
    }
}

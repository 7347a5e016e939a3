package dev.pixelstep.operations.detail;

import dev.pixelstep.operations.raster.Bands;
import dev.pixelstep.operations.raster.Clamp;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.operations.raster.SplitMix64;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.BooleanParameter;
import dev.pixelstep.spi.param.DoubleParameter;
import dev.pixelstep.spi.param.IntParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code noise(amount=10, seed=0, monochrome=false)}: adds film-grain-like noise of standard
 * deviation {@code amount} levels to every colour channel: c' = clamp(c + amount * z), z about
 * normally distributed (mean 0, variance 1). Alpha is kept.
 *
 * <p>Method: z is the centred, scaled sum of four independent uniform bytes (an Irwin-Hall variate,
 * within 1% of a normal distribution's quantiles up to 2.5 sigma and bounded at +-3.5 sigma), and the
 * bytes come from {@link SplitMix64} of the seed and the pixel's (x, y): the noise of a pixel depends on
 * nothing but the seed and its place, never on the image's other pixels, the order of work or the
 * number of threads, so the same seed gives the same bytes on every machine and a crop of the
 * noisy image is the noisy crop at the same place. With {@code monochrome} one z is added to all
 * three channels (luminance grain); otherwise each channel has its own.
 */
public final class Noise implements ImageOperation {

    /** The noise's standard deviation. */
    public static final DoubleParameter AMOUNT = DoubleParameter.of("amount", 10, 0, 100, "levels",
            "standard deviation of the noise, in 8-bit levels");
    /** The seed. */
    public static final IntParameter SEED = IntParameter.of("seed", 0, 0, Integer.MAX_VALUE, "",
            "the same seed gives the same noise");
    /** One variate for all channels. */
    public static final BooleanParameter MONOCHROME = BooleanParameter.of("monochrome", false,
            "the same noise on red, green and blue (grain without colour)");

    /** Standard deviation of the sum of four uniform 0..255 bytes: sqrt(4 (256^2 - 1) / 12). */
    private static final double SUM_SD = Math.sqrt(4 * (256.0 * 256 - 1) / 12);

    @Override
    public String name() {
        return "noise";
    }

    @Override
    public String description() {
        return "Adds seeded, reproducible grain (noise) of a given strength.";
    }

    /**
     * Two SplitMix64 steps and a table lookup per channel per pixel, in parallel bands, from the
     * source into the result, the same for any amount: 11.2-13.0 units measured (7.8 with
     * {@code monochrome}, one step), declared 14; the result and a 1021-entry table.
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(14, 4 + 8192.0 / source.pixels());
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(AMOUNT, SEED, MONOCHROME);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        double amount = parameters.get(AMOUNT);
        long seed = parameters.get(SEED);
        boolean mono = parameters.get(MONOCHROME);
        // the offset added for every possible sum of four bytes (0..1020)
        int[] offset = new int[1021];
        for (int s = 0; s < offset.length; s++) {
            offset[s] = (int) Math.round((s - 510) / SUM_SD * amount);
        }
        int[] in = IntImage.readable(source);
        IntImage out = IntImage.blankLike(source, true);
        int[] px = out.pixels();
        int width = out.width();
        Bands.run(out.height(), px.length, (from, to) -> {
            for (int y = from; y < to; y++) {
                for (int x = 0, i = y * width; x < width; x++, i++) {
                    long h1 = SplitMix64.of(seed, x, y);
                    int p = in[i];
                    int r;
                    int g;
                    int b;
                    if (mono) {
                        int z = offset[sum4(h1)];
                        r = z;
                        g = z;
                        b = z;
                    } else {
                        long h2 = SplitMix64.mix(h1);
                        r = offset[sum4(h1)];
                        g = offset[sum4(h1 >>> 32)];
                        b = offset[sum4(h2)];
                    }
                    px[i] = (p & 0xff000000)
                            | Clamp.channel(((p >> 16) & 0xff) + r) << 16
                            | Clamp.channel(((p >> 8) & 0xff) + g) << 8
                            | Clamp.channel((p & 0xff) + b);
                }
            }
        });
        return out.image();
    }

    /** The sum of the four low bytes of {@code h}. */
    private static int sum4(long h) {
        return (int) ((h & 0xff) + ((h >>> 8) & 0xff) + ((h >>> 16) & 0xff) + ((h >>> 24) & 0xff));
    }
}

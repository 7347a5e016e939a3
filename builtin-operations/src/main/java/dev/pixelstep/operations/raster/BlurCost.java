package dev.pixelstep.operations.raster;

import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;

/**
 * The cost of operations built on one {@link SeparableGaussian} blur of the colour channels
 * (alpha kept) and per-pixel passes of their own (sharpen-like, glow, sketch, halftone): the blur
 * as {@code sharpen} measured it (up to sigma 4, 16 + 1.35 per tap with its pass; above, 42 plus
 * the padding), plus {@code passWork} for the operation's further passes, and the result, the
 * blur's buffers and {@code extraBytes} per pixel.
 */
public final class BlurCost {

    private BlurCost() {
    }

    /** The cost of one RGB blur of {@code sigma} plus {@code passWork} units and {@code extraBytes} per pixel. */
    public static OperationCost of(ImageSize source, double sigma, double passWork, double extraBytes) {
        double work = sigma <= SeparableGaussian.EXACT_UP_TO ? 16 + 1.35 * (2 * GaussianKernel.of(sigma).half() + 1)
                : 42 + 7 * SeparableGaussian.padding(source.width(), source.height(), sigma);
        long buffers = SeparableGaussian.workingBytes(source.width(), source.height(), sigma, SeparableGaussian.Mode.RGB);
        return new OperationCost(work + passWork, 4 + extraBytes + (double) buffers / source.pixels());
    }
}

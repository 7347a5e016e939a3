package dev.pixelstep.operations.effect;

import com.jhlabs.image.EdgeFilter;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.operations.raster.Jhlabs;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code edge-detect}: the Sobel gradient magnitude of every channel (JHLabs {@code EdgeFilter}):
 * edges light up, flat areas turn black. Alpha is kept.
 */
public final class EdgeDetect implements ImageOperation {

    @Override
    public String name() {
        return "edge-detect";
    }

    @Override
    public String description() {
        return "Highlights edges (Sobel) on a black background.";
    }

    /**
     * JHLabs EdgeFilter on one thread: two 3x3 Sobel kernels in floating point per pixel (68-82
     * units measured); the copy it filters, the result and the filter's two int arrays.
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(76, 16);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of();
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        return Jhlabs.apply(new EdgeFilter(), IntImage.copyOf(source, true)).image();
    }
}

package dev.pixelstep.operations.geometry;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;

class ThumbnailTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "thumbnail";
    }

    /** Half the default: the edge values 8192 make 50-67 MP images in the edge-value property. */
    @Override
    protected int examples() {
        return 20;
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false;
    }

    /** Sizes up to 200 (and the edge 1), so enlarging stays small; the edge 8192 runs in the edge-value property. */
    @Override
    protected Gen<Parameters> parameterValues() {
        Gen<Integer> size = integers().between(1, 200);
        return size.map(s -> Parameters.of(operation(), Map.of("size", s)));
    }

    @Test
    void theLongerSideIsTheSizeAndItIsTheResizeInsideTheSquare() {
        theory().forAll(Images.any(), integers().between(1, 120)).checkAssert((sample, size) -> {
            BufferedImage out = BuiltIns.apply("thumbnail(size=" + size + ")", sample.image());
            assertEquals((int) size, Math.max(out.getWidth(), out.getHeight()));
            assertArrayEquals(Pixels.argb(BuiltIns.apply("resize(width=" + size + ", height=" + size + ")", sample.image())),
                    Pixels.argb(out));
        });
    }
}

package dev.pixelstep.operations.geometry;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.param.Parameters;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

class ResizeTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "resize";
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false;
    }

    /** Boxes up to 160 px (plus the unbounded default) so enlarging stays small; 1 and the default are edges. */
    @Override
    protected Gen<Parameters> parameterValues() {
        ImageOperation op = operation();
        Gen<Integer> side = Generate.oneOf(Generate.pick(List.of(1, 2, Resize.MAX)), integers().between(1, 160));
        Gen<Boolean> enlarge = booleans().all();
        Gen<Parameters> gen = in -> {
            int width = side.generate(in);
            int height = side.generate(in);
            boolean up = enlarge.generate(in) && (width < Resize.MAX || height < Resize.MAX);
            return Parameters.of(op, Map.of("width", width, "height", height, "enlarge", up));
        };
        return gen.describedAs(p -> "resize" + p.asText());
    }

    @Test
    void fitsTheBoxKeepingTheAspectRatio() {
        theory().forAll(Images.any(), integers().between(1, 100), integers().between(1, 100), booleans().all())
                .checkAssert((sample, width, height, enlarge) -> {
                    BufferedImage out = BuiltIns.apply("resize(width=" + width + ", height=" + height + ", enlarge=" + enlarge + ")", sample.image());
                    assertTrue(out.getWidth() <= width && out.getHeight() <= height, "fits the box");
                    if (!enlarge) {
                        assertTrue(out.getWidth() <= sample.width() && out.getHeight() <= sample.height(), "never enlarges");
                    }
                    boolean touches = out.getWidth() == width || out.getHeight() == height
                            || (!enlarge && out.getWidth() == sample.width() && out.getHeight() == sample.height());
                    assertTrue(touches, "as large as allowed: " + out.getWidth() + "x" + out.getHeight());
                    // both sides scaled by one factor, each rounded (at most half a pixel) or raised to 1
                    long skew = Math.abs((long) out.getWidth() * sample.height() - (long) out.getHeight() * sample.width());
                    assertTrue(skew <= sample.width() + sample.height(), "aspect ratio kept: " + out.getWidth() + "x" + out.getHeight());
                });
    }

    @Test
    void aBoxLargerThanTheImageKeepsItExactly() {
        theory().forAll(Images.any()).checkAssert(sample ->
                assertArrayEquals(Pixels.argb(sample.image()), Pixels.argb(BuiltIns.apply("resize(width=100, height=100)", sample.image()))));
    }

    @Test
    void widthAloneLimitsOnlyTheWidth() {
        BufferedImage out = BuiltIns.apply("resize(width=40)", Pixels.image(80, 20, false, new int[80 * 20]));
        assertEquals(40, out.getWidth());
        assertEquals(10, out.getHeight());
    }

    @Test
    void shrinkingAFlatImageKeepsItsColour() {
        theory().forAll(Images.flat(64), integers().between(1, 30)).checkAssert((sample, side) -> {
            int[] in = Pixels.visible(sample.image());
            for (int p : Pixels.visible(BuiltIns.apply("resize(width=" + side + ", height=" + side + ")", sample.image()))) {
                assertEquals(in[0], p);
            }
        });
    }
}

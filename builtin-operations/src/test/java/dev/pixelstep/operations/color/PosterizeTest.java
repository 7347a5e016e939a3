package dev.pixelstep.operations.color;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

class PosterizeTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "posterize";
    }

    @Test
    void leavesAtMostLevelsCubedColours() {
        theory().forAll(Images.any(), integers().between(2, 6)).checkAssert((sample, levels) -> {
            int[] out = Pixels.argb(BuiltIns.apply("posterize(levels=" + levels + ")", sample.image()));
            long colours = Arrays.stream(out).map(p -> p & 0xffffff).distinct().count();
            assertTrue(colours <= (long) levels * levels * levels, colours + " colours");
            long perChannel = Arrays.stream(out).map(Pixels::red).distinct().count();
            assertTrue(perChannel <= levels, perChannel + " red values");
        });
    }

    @Test
    void isIdempotent() {
        theory().forAll(Images.any(), integers().between(2, 64)).checkAssert((sample, levels) -> {
            String chain = "posterize(levels=" + levels + ")";
            BufferedImage once = BuiltIns.apply(chain, sample.image());
            assertArrayEquals(Pixels.argb(once), Pixels.argb(BuiltIns.apply(chain, once)));
        });
    }
}

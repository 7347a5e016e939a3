package dev.pixelstep.operations.effect;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EmbossTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "emboss";
    }

    @Test
    void aFlatImageGivesAnEvenGrayRelief() {
        theory().forAll(Images.flat(48)).checkAssert(sample -> {
            int[] out = Pixels.argb(BuiltIns.apply("emboss", sample.image()));
            assertEquals(1, Arrays.stream(out).map(p -> p & 0xffffff).distinct().count(), "one shade");
            assertEquals(Pixels.red(out[0]), Pixels.blue(out[0]), "gray");
        });
    }
}

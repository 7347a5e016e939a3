package ${package};

import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import dev.pixelstep.testkit.gen.ParameterValues;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The pixelstep contract for {@code ${operationName}} (inherited: found by ServiceLoader, input never
 * mutated, deterministic, declared size and type, ranges enforced, alpha kept), plus what this
 * operation itself promises.
 */
class ${className}Test extends ImageOperationContract {

    @Override
    protected String operationName() {
        return ${className}.NAME;
    }

    /** Each colour channel ends where the strength puts it between its own value and the tint's. */
    @Test
    void movesEveryChannelTowardsTheTintByTheStrength() {
        ImageOperation op = operation();
        theory().forAll(Images.any(), ParameterValues.of(op)).checkAssert((sample, parameters) -> {
            BufferedImage source = sample.image();
            double strength = parameters.get(${className}.STRENGTH);
            int[] in = Pixels.argb(source);
            int[] out = Pixels.argb(op.apply(source, parameters));
            for (int i = 0; i < in.length; i++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    int channel = in[i] >> shift & 0xff;
                    int tint = ${className}.TINT >> shift & 0xff;
                    double expected = channel + (tint - channel) * strength;
                    int actual = out[i] >> shift & 0xff;
                    if (Math.abs(actual - expected) > 1) {
                        fail("pixel " + i + ", channel at bit " + shift + ": " + channel + " towards " + tint
                                + " with strength " + strength + " should be about " + expected + ", got " + actual);
                    }
                }
            }
        });
    }
}

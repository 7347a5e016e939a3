package dev.pixelstep.spi;

import dev.pixelstep.spi.fixtures.TestOperations;
import dev.pixelstep.spi.param.Parameters;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OperationCostTest {

    @Test
    void anOperationThatDeclaresNothingCostsACheapPointOperationWithOneWorkingCopy() {
        ImageOperation copy = new TestOperations.Copy();
        OperationCost cost = copy.cost(new ImageSize(10, 10), Parameters.defaults(copy));
        assertEquals(OperationCost.DEFAULT, cost);
        assertEquals(1, cost.work());
        assertEquals(8, cost.bytes());
        assertEquals(new OperationCost(1, 4), OperationCost.POINT);
    }

    @Test
    void workAndBytesScaleWithTheOutputsPixels() {
        OperationCost cost = new OperationCost(2.5, 20.5);
        ImageSize size = new ImageSize(4000, 3000);
        assertEquals(30_000_000.0, cost.workFor(size));
        assertEquals(246_000_000L, cost.bytesFor(size));
        assertEquals(21L, cost.bytesFor(new ImageSize(1, 1)), "rounded up");
        ImageSize huge = new ImageSize(Integer.MAX_VALUE, Integer.MAX_VALUE);
        assertEquals((double) Integer.MAX_VALUE * Integer.MAX_VALUE * 2.5, cost.workFor(huge), "no int overflow");
    }

    @Test
    void nonsenseCostsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OperationCost(0, 4));
        assertThrows(IllegalArgumentException.class, () -> new OperationCost(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> new OperationCost(Double.NaN, 4));
        assertThrows(IllegalArgumentException.class, () -> new OperationCost(Double.POSITIVE_INFINITY, 4));
        assertThrows(IllegalArgumentException.class, () -> new OperationCost(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new OperationCost(1, Double.NaN));
    }
}

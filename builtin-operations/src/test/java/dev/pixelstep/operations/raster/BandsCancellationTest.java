package dev.pixelstep.operations.raster;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.spi.Cancellation;
import dev.pixelstep.spi.OperationCancelledException;
import dev.pixelstep.spi.chain.ChainStep;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parallel bands run on the common ForkJoinPool, yet they stop when the caller's work is cancelled. */
class BandsCancellationTest {

    @Test
    void bandsStopOnceTheCallersWorkIsCancelledEvenOnPoolThreads() {
        Cancellation cancellation = Cancellation.after(Duration.ofHours(1));
        AtomicInteger ran = new AtomicInteger();
        int rows = 4096;
        assertThrows(OperationCancelledException.class, () -> cancellation.run(() -> {
            Bands.run(rows, Bands.PARALLEL_THRESHOLD * 16, (from, to) -> {
                ran.incrementAndGet();
                cancellation.cancel(); // the first band to run cancels the work, as a deadline passing would
            });
            return null;
        }));
        int bands = Math.min(rows, 4 * Runtime.getRuntime().availableProcessors());
        assertTrue(ran.get() < bands, ran.get() + " of " + bands + " bands ran after the cancellation");
    }

    @Test
    void workThatIsAlreadyCancelledDoesNotStartEvenBelowTheParallelThreshold() {
        AtomicInteger ran = new AtomicInteger();
        Cancellation late = Cancellation.after(Duration.ZERO);
        assertThrows(OperationCancelledException.class, () -> late.run(() -> {
            Bands.run(10, 10, (from, to) -> ran.incrementAndGet());
            return null;
        }));
        assertEquals(0, ran.get());
    }

    @Test
    void aBlurCalledDirectlyStopsInsideItsBandsOnceItsDeadlineHasPassed() {
        BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
        ChainStep blur = BuiltIns.REGISTRY.parse("blur(radius=50)").steps().get(0);
        Cancellation late = Cancellation.after(Duration.ZERO);
        // the operation itself, not the chain step (which checks before it starts): the check inside Bands stops it
        assertThrows(OperationCancelledException.class, () -> late.run(() -> blur.operation().apply(image, blur.parameters())));
        assertEquals(1024, blur.operation().apply(image, blur.parameters()).getWidth(), "without a cancellation it runs");
    }
}

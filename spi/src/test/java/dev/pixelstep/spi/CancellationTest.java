package dev.pixelstep.spi;

import dev.pixelstep.spi.chain.ChainStep;
import dev.pixelstep.spi.chain.OperationChain;
import dev.pixelstep.spi.fixtures.TestOperations;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CancellationTest {

    @Test
    void outsideRunTheCurrentCancellationIsNoneAndNeverCancelled() {
        assertSame(Cancellation.none(), Cancellation.current());
        assertDoesNotThrow(() -> Cancellation.none().check());
        assertFalse(Cancellation.none().isCancelled());
        assertNull(Cancellation.none().remaining());
    }

    @Test
    void aPassedDeadlineCancelsAndSaysSo() {
        Cancellation late = Cancellation.after(Duration.ZERO);
        assertTrue(late.isCancelled());
        OperationCancelledException e = assertThrows(OperationCancelledException.class, late::check);
        assertTrue(e.getMessage().contains("deadline"), e.getMessage());
        assertEquals(Duration.ZERO, late.remaining());
        Cancellation early = Cancellation.after(Duration.ofHours(1));
        assertDoesNotThrow(early::check);
        assertTrue(early.remaining().compareTo(Duration.ofMinutes(59)) > 0);
        assertDoesNotThrow(Cancellation.after(Duration.ofSeconds(Long.MAX_VALUE))::check, "no overflow");
    }

    @Test
    void runInstallsTheCancellationOnThisThreadAndRestoresThePreviousOne() {
        Cancellation outer = Cancellation.after(Duration.ofHours(1));
        Cancellation inner = Cancellation.after(Duration.ofHours(2));
        outer.run(() -> {
            assertSame(outer, Cancellation.current());
            inner.run(() -> {
                assertSame(inner, Cancellation.current());
                return null;
            });
            assertSame(outer, Cancellation.current());
            return null;
        });
        assertSame(Cancellation.none(), Cancellation.current());
        assertThrows(IllegalStateException.class, () -> outer.run(() -> {
            throw new IllegalStateException("work failed");
        }));
        assertSame(Cancellation.none(), Cancellation.current(), "restored after a failure too");
    }

    @Test
    void interruptingTheOwningThreadCancelsChecksOnOtherThreads() throws Exception {
        AtomicReference<Cancellation> created = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        Thread owner = new Thread(() -> {
            created.set(Cancellation.ofCurrentThread());
            ready.countDown();
            while (!stop.get()) {
                Thread.onSpinWait(); // busy, like a request thread waiting on pixel work: its interrupt flag stays set
            }
        });
        owner.start();
        ready.await();
        Cancellation cancellation = created.get();
        // a pool thread, like the common ForkJoinPool's: neither the owner's thread locals nor its interrupt reach it
        assertDoesNotThrow(() -> CompletableFuture.runAsync(cancellation::check).join());
        owner.interrupt();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!owner.isInterrupted() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        Throwable thrown = CompletableFuture.runAsync(cancellation::check).handle((ok, e) -> e).join();
        assertTrue(thrown != null && thrown.getCause() instanceof OperationCancelledException, String.valueOf(thrown));
        assertTrue(thrown.getCause().getMessage().contains("interrupted"), thrown.getCause().getMessage());
        stop.set(true);
        owner.join(5_000);
    }

    @Test
    void cancelStopsTheWork() {
        Cancellation cancellation = Cancellation.after(Duration.ofHours(1));
        cancellation.cancel();
        assertTrue(cancellation.isCancelled());
        assertThrows(OperationCancelledException.class, cancellation::check);
    }

    @Test
    void aChainStopsBeforeTheNextStepOnceItsWorkIsCancelled() {
        AtomicInteger applied = new AtomicInteger();
        Cancellation cancellation = Cancellation.after(Duration.ofHours(1));
        ImageOperation cancelling = new TestOperations.Copy("cancelling") {
            @Override
            public BufferedImage apply(BufferedImage source, dev.pixelstep.spi.param.Parameters parameters) {
                applied.incrementAndGet();
                cancellation.cancel();
                return super.apply(source, parameters);
            }
        };
        OperationChain chain = OperationChain.of(List.of(ChainStep.of(cancelling), ChainStep.of(cancelling), ChainStep.of(cancelling)));
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        assertThrows(OperationCancelledException.class, () -> cancellation.run(() -> chain.apply(image)));
        assertEquals(1, applied.get(), "the second step never started");
        assertEquals(4, chain.apply(image).getWidth(), "outside the cancelled work the chain runs");
        assertEquals(4, applied.get());
    }
}

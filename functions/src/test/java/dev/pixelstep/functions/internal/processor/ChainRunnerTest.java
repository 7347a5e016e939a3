package dev.pixelstep.functions.internal.processor;

import dev.pixelstep.functions.internal.image.ImageEncoder;
import dev.pixelstep.functions.internal.image.ImageFormat;
import dev.pixelstep.functions.support.TestImages;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.chain.ChainStep;
import dev.pixelstep.spi.chain.OperationChain;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline holds at most one result per worker: results in flight never grow with the number of operations. */
class ChainRunnerTest {

    /**
     * Counts results that exist and are still needed: made by an operation, not yet handed to the
     * sink (as an output) nor consumed by the next step of the combined chain.
     */
    private static final class Tracker {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final Set<BufferedImage> made = Collections.newSetFromMap(new IdentityHashMap<>());

        void created(BufferedImage image) {
            synchronized (made) {
                made.add(image);
            }
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
        }

        /** A step read {@code source}: if an earlier step made it, the combined chain is done with it. */
        void consumed(BufferedImage source) {
            synchronized (made) {
                if (made.remove(source)) {
                    inFlight.decrementAndGet();
                }
            }
        }

        void stored() {
            inFlight.decrementAndGet();
        }
    }

    private record Inverting(String name, Tracker tracker) implements ImageOperation {
        @Override
        public String description() {
            return "inverts and counts";
        }

        @Override
        public List<Parameter<?>> parameters() {
            return List.of();
        }

        @Override
        public BufferedImage apply(BufferedImage source, Parameters parameters) {
            BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
            tracker.created(out);
            for (int y = 0; y < source.getHeight(); y++) {
                for (int x = 0; x < source.getWidth(); x++) {
                    out.setRGB(x, y, ~source.getRGB(x, y) & 0xffffff);
                }
            }
            tracker.consumed(source);
            return out;
        }
    }

    @Test
    void sixteenOperationsKeepAtMostOneResultPerWorkerAlive() {
        Tracker tracker = new Tracker();
        List<ChainStep> steps = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            steps.add(ChainStep.of(new Inverting("op" + i, tracker)));
        }
        BufferedImage original = TestImages.picture(64, 48, false);
        int[] before = original.getRGB(0, 0, 64, 48, null, 0, 64);
        List<String> stored = Collections.synchronizedList(new ArrayList<>());

        ChainOutputs outputs = new ChainRunner(new ImageEncoder()).run(original, OperationChain.of(steps),
                new OutputKeys("k", ImageFormat.PNG), (key, image) -> {
                    tracker.stored();
                    stored.add(key);
                });

        assertEquals("k/combined.png", outputs.combined());
        assertEquals(16, outputs.independent().size());
        assertEquals("k/independent/01-op1.png", outputs.independent().get(0));
        assertEquals("k/independent/16-op16.png", outputs.independent().get(15));
        assertEquals(17, stored.size());
        int workers = Math.min(16, Runtime.getRuntime().availableProcessors());
        assertTrue(outputs.workers() >= 1 && outputs.workers() <= workers, "workers: " + outputs.workers());
        // each worker holds one result; the one running the combined chain also its step's input for a moment
        assertTrue(tracker.maxInFlight.get() <= outputs.workers() + 1,
                "results alive at once: " + tracker.maxInFlight.get() + " with " + outputs.workers() + " workers");
        assertEquals(0, tracker.inFlight.get(), "every result reached the sink or the next step");
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(original.getRGB(0, 0, 64, 48, null, 0, 64)),
                "the original is not modified");
    }

    @Test
    void jpegOfATransparentResultIsFlattenedOntoWhite() throws IOException {
        // A JPEG input never has alpha, so this checks the encoder path through the chain runner directly.
        BufferedImage transparent = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        byte[][] written = new byte[1][];
        new ChainRunner(new ImageEncoder()).run(transparent,
                OperationChain.empty(),
                new OutputKeys("k", ImageFormat.JPEG),
                (key, image) -> written[0] = image.toByteArray());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(written[0]));
        assertTrue((decoded.getRGB(1, 1) & 0xffffff) > 0xf0f0f0, "transparent pixels become white");
    }
}

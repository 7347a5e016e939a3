package dev.pixelstep.functions.internal.processor;

import dev.pixelstep.functions.internal.image.EncodedImage;
import dev.pixelstep.functions.internal.image.ImageEncoder;
import dev.pixelstep.functions.internal.image.ImageFormat;
import dev.pixelstep.functions.internal.image.OutputOptions;
import dev.pixelstep.functions.support.TestImages;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.chain.ChainStep;
import dev.pixelstep.spi.chain.OperationChain;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline holds at most one result per worker: results in flight never grow with the number
 * of operations; with one worker it lets go of the original after the combined chain's first step.
 */
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

        /**
         * An output reached the sink. The first independent output is the combined chain's first step, which the chain's
         * second step still reads: that step's {@link #consumed} counts it done.
         */
        void stored(String key) {
            if (!key.startsWith("k/independent/01-")) {
                inFlight.decrementAndGet();
            }
        }
    }

    private record Inverting(String name, Tracker tracker, Probe probe) implements ImageOperation {

        Inverting(String name, Tracker tracker) {
            this(name, tracker, source -> { });
        }

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
            probe.before(source);
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

    /** Looks at a step's source before the step runs. */
    @FunctionalInterface
    private interface Probe {
        void before(BufferedImage source);
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
                    tracker.stored(key);
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
    void withOneWorkerTheOriginalIsReleasedAfterTheCombinedChainsFirstStep() {
        // issue 13: one worker ran the combined chain first, holding the original beside every step's input and output (three
        // images); now the independent outputs come first and the combined chain's first step is the original's last reader
        Tracker tracker = new Tracker();
        WeakReference<BufferedImage>[] originalImage = weakArray();
        Original original = handedOver(TestImages.picture(64, 48, false), reference -> originalImage[0] = reference);
        Original held = original;
        List<String> stored = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger mostImagesAlive = new AtomicInteger();
        AtomicInteger laterStepsWithoutTheOriginal = new AtomicInteger();
        List<ChainStep> steps = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            steps.add(ChainStep.of(new Inverting("op" + i, tracker, source -> {
                boolean fromAnEarlierStep;
                synchronized (tracker.made) {
                    fromAnEarlierStep = tracker.made.contains(source);
                }
                // every result still needed, its own about to be made, and the original while held
                mostImagesAlive.accumulateAndGet(tracker.inFlight.get() + 1 + (held.held() ? 1 : 0), Math::max);
                if (fromAnEarlierStep) {
                    assertEquals(16, stored.size(), "the combined chain comes after every independent output");
                    assertTrue(!held.held(), "the combined chain's later steps run without the original");
                    for (int gc = 0; gc < 10 && originalImage[0].get() != null; gc++) {
                        System.gc();
                    }
                    assertEquals(null, originalImage[0].get(), "nothing else keeps the original on the heap");
                    laterStepsWithoutTheOriginal.incrementAndGet();
                }
            })));
        }

        ChainOutputs outputs = new ChainRunner(new ImageEncoder(), 1).run(original, OperationChain.of(steps),
                new OutputKeys("k", ImageFormat.PNG), OutputOptions.DEFAULT, (key, image) -> {
                    tracker.stored(key);
                    stored.add(key);
                });

        assertEquals(1, outputs.workers());
        assertEquals("k/independent/02-op2.png", stored.get(0), "the independent outputs from the second on come first");
        assertEquals("k/independent/01-op1.png", stored.get(15), "then the combined chain's first step, which is the first one");
        assertEquals("k/combined.png", stored.get(16), "the combined output comes last");
        assertEquals(15, laterStepsWithoutTheOriginal.get(), "steps 2 to 16 of the combined chain ran without the original");
        assertEquals(2, mostImagesAlive.get(), "at most two images at once: the original and a result, or a step's input and output");
        assertEquals(0, tracker.inFlight.get(), "every result reached the sink or the next step");
        assertEquals(17, outputs.files().size());
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 4})
    void theFirstStepIsComputedOnceForTheCombinedChainAndItsIndependentOutput(int workers) throws IOException {
        // the first independent output and the combined chain's first step are the same operation on the same original
        // (operations are deterministic): it was computed twice
        Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
        List<ChainStep> steps = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String name = "op" + i;
            steps.add(ChainStep.of(new Inverting(name, new Tracker(),
                    source -> applied.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet())));
        }
        BufferedImage original = TestImages.picture(64, 48, false);
        Map<String, EncodedImage> stored = new ConcurrentHashMap<>();

        ChainOutputs outputs = new ChainRunner(new ImageEncoder(), workers).run(original, OperationChain.of(steps),
                new OutputKeys("k", ImageFormat.PNG), stored::put);

        assertEquals(1, applied.get("op1").get(), "step 1 once, for both outputs");
        assertEquals(2, applied.get("op2").get(), "later steps once in the chain and once for their own output");
        assertEquals(2, applied.get("op3").get());
        assertEquals(4, stored.size());
        assertEquals(4, outputs.files().size());
        BufferedImage first = ImageIO.read(stored.get("k/independent/01-op1.png").open());
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                assertEquals(~original.getRGB(x, y) & 0xffffff, first.getRGB(x, y) & 0xffffff, "the first independent output is step 1 of "
                        + "the original at " + x + "," + y);
            }
        }
        BufferedImage second = ImageIO.read(stored.get("k/independent/02-op2.png").open());
        assertEquals(~original.getRGB(5, 7) & 0xffffff, second.getRGB(5, 7) & 0xffffff, "the second one is applied to the original");
        BufferedImage combined = ImageIO.read(stored.get("k/combined.png").open());
        assertEquals(~original.getRGB(5, 7) & 0xffffff, combined.getRGB(5, 7) & 0xffffff, "three inversions");
    }

    @Test
    void aOneStepChainsTwoOutputsAreOneEncoding() {
        Map<String, EncodedImage> stored = new ConcurrentHashMap<>();
        AtomicInteger applied = new AtomicInteger();
        ChainOutputs outputs = new ChainRunner(new ImageEncoder()).run(TestImages.picture(64, 48, false),
                OperationChain.of(List.of(ChainStep.of(new Inverting("op1", new Tracker(), source -> applied.incrementAndGet())))),
                new OutputKeys("k", ImageFormat.PNG), stored::put);

        assertEquals(1, applied.get());
        assertEquals(List.of("k/independent/01-op1.png"), outputs.independent());
        assertSame(stored.get("k/combined.png"), stored.get("k/independent/01-op1.png"), "the same bytes under both keys");
        assertEquals(2, outputs.files().size());
    }

    /** An {@link Original} of {@code image} that nothing else references; {@code weak} receives a weak reference to it. */
    private static Original handedOver(BufferedImage image, java.util.function.Consumer<WeakReference<BufferedImage>> weak) {
        weak.accept(new WeakReference<>(image));
        return new Original(image);
    }

    @SuppressWarnings("unchecked")
    private static WeakReference<BufferedImage>[] weakArray() {
        return new WeakReference[1];
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

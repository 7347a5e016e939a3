package dev.pixelstep.functions.internal.plan;

import dev.pixelstep.functions.error.ChainTooCostlyException;
import dev.pixelstep.functions.error.ChainTooLargeException;
import dev.pixelstep.functions.error.InsufficientMemoryException;
import dev.pixelstep.functions.internal.image.ImageFormat;
import dev.pixelstep.functions.internal.image.ImageHeader;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.chain.OperationChain;
import dev.pixelstep.spi.registry.OperationRegistry;
import org.junit.jupiter.api.Test;

import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan from sizes alone, with the real built-in operations' declared costs and the default limits. */
class ChainPlanTest {

    private static final OperationRegistry BUILT_INS = OperationRegistry.load(ChainPlanTest.class.getClassLoader());
    private static final ChainLimits LIMITS = ChainLimits.defaults(ImageLimits.defaults());

    private static ChainPlan plan(int width, int height, ImageFormat format, String chain) {
        return ChainPlan.of("s3://in/photo", new ImageHeader(format, new ImageSize(width, height)), BUILT_INS.parse(chain), LIMITS);
    }

    private static String repeat(String step, int times) {
        return String.join(", ", Collections.nCopies(times, step));
    }

    @Test
    void aResizeToTheLargestBoxWithEnlargeOnATinyImageIsRefusedAtThatStepNotAsABigUpload() {
        // issue 11: resize(8192x8192, enlarge) then 5x rotate-free(45) on a 69-byte PNG exhausted the heap
        ChainTooLargeException e = assertThrows(ChainTooLargeException.class, () -> plan(1, 1, ImageFormat.PNG,
                "resize(width=8192, height=8192, enlarge=true), " + repeat("rotate-free(degrees=45)", 5)));
        assertEquals(1, e.step());
        assertEquals(8192L * 8192, e.actual());
        assertEquals(50_000_000L, e.limit());
        assertEquals("the chain 'resize(width=8192, height=8192), rotate-free(degrees=45), rotate-free(degrees=45), rotate-free(degrees=45), "
                + "rotate-free(...' of s3://in/photo makes too large an image: step 1, "
                + "resize(width=8192, height=8192), applied to the 1x1 original, would make a 8192x8192 image (67.1 MP), more than the output "
                + "limit of 50,000,000 pixels (50.0 MP, PIXELSTEP_MAX_OUTPUT_PIXELS). The chain is too large, not the upload: change "
                + "or remove that step (or resize the image down before it), or raise PIXELSTEP_MAX_OUTPUT_PIXELS", e.getMessage());
        assertFalse(e.getMessage().contains("upload a smaller image"));
    }

    @Test
    void sixteenFreeRotationsOfA64x48ImageAreRefusedAtTheFirstStepAboveTheLimit() {
        // issue 11: this computed and stored a 203 MP image before the analyser refused it
        ChainTooLargeException e = assertThrows(ChainTooLargeException.class,
                () -> plan(64, 48, ImageFormat.PNG, repeat("rotate-free(degrees=45)", 16)));
        assertTrue(e.step() > 1 && e.step() < 16, "step " + e.step());
        assertTrue(e.actual() > 50_000_000L && e.actual() < 203_000_000L, e.getMessage());
        assertTrue(e.getMessage().contains("step " + e.step() + ", rotate-free(degrees=45), applied to the "), e.getMessage());
        assertTrue(e.getMessage().contains("result of steps 1-" + (e.step() - 1) + " (the original is 64x48)"), e.getMessage());
        ChainPlan last = assertDoesNotThrow(() -> plan(64, 48, ImageFormat.PNG, repeat("rotate-free(degrees=45)", e.step() - 1)));
        assertTrue(last.combinedSize().pixels() <= 50_000_000L, "one step fewer fits: " + last.combinedSize());
    }

    @Test
    void sixteenBlursOfRadius100OnAThirteenMegapixelPhotoNoLongerRunAway() {
        // issue 11: this took 588 s of CPU for one 1.6 MB upload; since issue 13 a blur above radius 4 is three box
        // filters, whose work per pixel does not grow with the radius, so the chain is planned at a third of the budget
        ChainPlan plan = plan(4416, 2944, ImageFormat.JPEG, repeat("blur(radius=100)", 16));
        assertDoesNotThrow(() -> plan.checkWork(LIMITS));
        assertTrue(plan.work() < LIMITS.maxWork() / 3.0, ChainPlan.units(plan.work()));
        ChainPlan small = plan(4416, 2944, ImageFormat.JPEG, repeat("blur(radius=4.1)", 16));
        assertTrue(plan.work() < 1.1 * small.work(), "radius 100 costs about what radius 4.1 costs: " + ChainPlan.units(plan.work())
                + " against " + ChainPlan.units(small.work()));
    }

    @Test
    void sixteenExactBlursOnAFiftyMegapixelPhotoAreTooCostlyAndTheMessageNamesThem() {
        // one of the costliest chains a 50 MP input allows: the exact blur at its largest radius (73 units a pixel), 31 times (16
        // in the combined chain, 15 for the independent outputs: the first is the chain's first step); sixteen edge-detect were
        // this chain until issue 13 made edge-detect a parallel kernel of 8 units
        ChainTooCostlyException e = assertThrows(ChainTooCostlyException.class, () -> plan(8660, 5773, ImageFormat.JPEG,
                repeat("blur(radius=4)", 16)).checkWork(LIMITS));
        assertTrue(e.work() > 1.2 * e.budget(), e.work() + " vs " + e.budget());
        assertTrue(e.getMessage().startsWith("the chain 'blur(radius=4), blur(radius=4), "), e.getMessage());
        assertTrue(e.getMessage().contains("is too much work for the 8660x5773 image s3://in/photo: about 121.8 billion work units"),
                e.getMessage());
        assertTrue(e.getMessage().contains("more than the budget of 100.0 billion (PIXELSTEP_MAX_WORK; one unit is one pixel of a "
                + "simple colour operation such as invert). Costliest steps: steps 1-16 blur(radius=4) (113.1 billion, 93%); decoding the "
                + "input and encoding the outputs (8.6 billion, 7%)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Make those steps cheaper (smaller radius, fewer repetitions) or remove them, use a smaller "
                + "image, or raise PIXELSTEP_MAX_WORK"), e.getMessage());
    }

    @Test
    void theCostliestStepsAreNamedByShareOfTheWork() {
        ChainTooCostlyException e = assertThrows(ChainTooCostlyException.class, () -> plan(7000, 7000, ImageFormat.JPEG,
                "grayscale, blur(radius=100), sharpen(radius=20), blur(radius=100), invert").checkWork(new ChainLimits(50_000_000, 10_000_000_000L)));
        String costliest = e.getMessage().substring(e.getMessage().indexOf("Costliest steps: "));
        assertTrue(costliest.startsWith("Costliest steps: steps 2, 4 blur(radius=100) ("), costliest);
        assertTrue(costliest.contains("; step 3 sharpen(radius=20) ("), costliest);
        assertFalse(costliest.contains("invert ("), "at most three: " + costliest);
        ChainTooCostlyException codec = assertThrows(ChainTooCostlyException.class,
                () -> plan(8000, 6000, ImageFormat.PNG, "invert").checkWork(new ChainLimits(50_000_000, 1_000_000)));
        assertTrue(codec.getMessage().contains("Costliest steps: decoding the input and encoding the outputs (4.0 billion, 99%); "
                + "step 1 invert (48.0 million, 1%)"), codec.getMessage());
    }

    @Test
    void everydayChainsFitTheDefaultBudget() {
        assertDoesNotThrow(() -> plan(4000, 3000, ImageFormat.JPEG, repeat("blur", 16)).checkWork(LIMITS));
        assertDoesNotThrow(() -> plan(8660, 5773, ImageFormat.JPEG, "blur(radius=100)").checkWork(LIMITS), "one big blur on 50 MP");
        assertDoesNotThrow(() -> plan(8660, 5773, ImageFormat.PNG, "grayscale, blur(radius=4), sepia, resize(width=2000), "
                + "sharpen, vignette, emboss, edge-detect, rotate").checkWork(LIMITS));
    }

    @Test
    void workIsEveryStepComputedPlusDecodingAndEncoding() {
        ChainPlan plan = plan(1000, 1000, ImageFormat.JPEG, "grayscale, resize(width=500)");
        double million = 1_000_000;
        double grayscale = 1.1 * million;
        double resize = (15 + 4 * (2 * 13 + 13) + 2) * 250_000; // lanczos3 at scale 2: the taps of both passes, the resampler declares it so
        double expected = ChainPlan.DECODE_WORK * million
                + grayscale + resize // combined
                + ChainPlan.ENCODE_WORK_JPEG * 250_000 // the combined output is 500x500
                + ChainPlan.ENCODE_WORK_JPEG * million // independent 01-grayscale: the combined chain's first step, encoded
                + resize + ChainPlan.ENCODE_WORK_JPEG * 250_000; // independent 02-resize
        assertEquals(expected, plan.work(), 1);
        assertEquals(new ImageSize(500, 500), plan.combinedSize());
        assertEquals(2, plan.independent().size());
        assertEquals(new ImageSize(1000, 1000), plan.independent().get(1).source());
    }

    @Test
    void theFirstStepIsComputedOnceForBothOutputsAndAOneStepChainEncodedOnce() {
        // the processor computed the combined chain's first step again for the first independent output (the same operation on
        // the same original: operations are deterministic), and encoded a one-step chain's identical outputs twice
        double million = 1_000_000;
        ChainPlan one = plan(1000, 1000, ImageFormat.JPEG, "blur(radius=4)");
        assertEquals(ChainPlan.DECODE_WORK * million + one.combined().get(0).work() + ChainPlan.ENCODE_WORK_JPEG * million, one.work(), 1);
        ChainPlan two = plan(1000, 1000, ImageFormat.JPEG, "blur(radius=4), invert");
        double blur = two.combined().get(0).work();
        double invert = two.combined().get(1).work();
        assertEquals(ChainPlan.DECODE_WORK * million + blur + invert + 3 * ChainPlan.ENCODE_WORK_JPEG * million + invert, two.work(), 1,
                "the blur once, the invert twice (combined step 2 and its own independent output), three encodings");
    }

    @Test
    void theFirstIndependentOutputIsEncodedWithoutTheOriginal() {
        // its image is the combined chain's first step, which was the original's last reader
        ChainPlan plan = plan(2000, 1500, ImageFormat.JPEG, "resize(width=8000), invert");
        long original = 4L * 3_000_000;
        ImageSize big = new ImageSize(8000, 6000);
        ChainPlan.PlannedStep resize = plan.combined().get(0);
        ChainPlan.PlannedStep invert = plan.combined().get(1);
        long resultAndEncoder = Math.round((4 + ChainPlan.ENCODE_BYTES_JPEG) * big.pixels());
        long expected = Math.max(Math.max(original + resize.bytes(), resultAndEncoder), 4L * big.pixels() + invert.bytes());
        expected = Math.max(expected, original + Math.max(plan.independent().get(1).bytes(), Math.round((4 + ChainPlan.ENCODE_BYTES_JPEG)
                * plan.independent().get(1).output().pixels())));
        assertEquals(expected, plan.peakBytes(0));
        assertTrue(plan.peakBytes(0) < original + resultAndEncoder, "the enlarged first result is never beside the original and its encoder");
    }

    @Test
    void anIndependentOutputAboveTheLimitIsRefusedNamingItsStep() {
        ChainTooLargeException e = assertThrows(ChainTooLargeException.class,
                () -> plan(7000, 7000, ImageFormat.JPEG, "resize(width=100), rotate-free(degrees=45)"));
        assertEquals(2, e.step());
        assertTrue(e.getMessage().contains("step 2, rotate-free(degrees=45), applied to the 7000x7000 original for its independent "
                + "output, would make a 9899x9899 image (98.0 MP)"), e.getMessage());
    }

    @Test
    void peakHeapFollowsTheHungriestStepNotTheNumberOfSteps() {
        long one = plan(4000, 3000, ImageFormat.JPEG, "blur(radius=100)").peakBytes(3_000_000);
        long many = plan(4000, 3000, ImageFormat.JPEG, "blur(radius=100), " + repeat("grayscale", 15)).peakBytes(3_000_000);
        assertEquals(one, many);
        ImageSize size = new ImageSize(4000, 3000);
        long original = 4L * size.pixels();
        long blur = BUILT_INS.parse("blur(radius=100)").steps().get(0).cost(size).bytesFor(size);
        assertTrue(blur > (4 + ChainPlan.ENCODE_BYTES_JPEG) * size.pixels(), "the blur's result and buffers are the peak: " + blur);
        assertEquals(original + blur, one, "the original and the blur's result and buffers");
        assertEquals(original + Math.round(ChainPlan.ENCODE_BYTES * size.pixels()), plan(4000, 3000, ImageFormat.PNG, "").peakBytes(3_000_000),
                "without steps, encoding the original is the peak (PNG's encoder holds more than decoding does)");
        assertEquals(80_000_000 + Math.round(ChainPlan.DECODE_BYTES * size.pixels()),
                plan(4000, 3000, ImageFormat.JPEG, "").peakBytes(80_000_000), "unless the encoded input is large");
    }

    @Test
    void theCombinedChainsLaterStepsNoLongerHoldTheOriginal() {
        // issue 13: the plan counted the original beside every step of the combined chain (three images for any chain of two
        // or more steps); the processor now runs the independent outputs first and lets go of the original after step 1
        ImageSize size = new ImageSize(4000, 3000);
        long two = plan(4000, 3000, ImageFormat.JPEG, "grayscale, invert").peakBytes(0);
        assertEquals(4L * size.pixels() + Math.round((4 + ChainPlan.ENCODE_BYTES_JPEG) * size.pixels()), two,
                "the original beside the second independent output and the encoder");
        assertEquals(two, plan(4000, 3000, ImageFormat.JPEG, "grayscale, invert, sepia, rotate, flip").peakBytes(0),
                "five steps need what two need");
        assertEquals(Math.round(ChainPlan.DECODE_BYTES * size.pixels()), plan(4000, 3000, ImageFormat.JPEG, "grayscale").peakBytes(0),
                "one step's only result is encoded once, without the original: decoding is the peak");
        long blur = BUILT_INS.parse("blur(radius=100)").steps().get(0).cost(size).bytesFor(size);
        assertEquals(4L * size.pixels() + blur, plan(4000, 3000, ImageFormat.JPEG, "grayscale, blur(radius=100)").peakBytes(0),
                "the blur beside one image, never beside the original and the grayscale result");
    }

    @Test
    void aJpegWrittenAsPngIsPlannedWithThePngEncoder() {
        // the plan took the output format from the input alone, so a JPEG with the output option format=png was planned with
        // the JPEG encoder's work and bytes
        ImageHeader header = new ImageHeader(ImageFormat.JPEG, new ImageSize(4000, 3000));
        ChainPlan asJpeg = ChainPlan.of("s3://in/photo", header, BUILT_INS.parse("invert, flip"), LIMITS);
        ChainPlan asPng = ChainPlan.of("s3://in/photo", header, ImageFormat.PNG, BUILT_INS.parse("invert, flip"), LIMITS);
        long pixels = 12_000_000L;
        assertEquals(4L * pixels + Math.round((4 + ChainPlan.ENCODE_BYTES_JPEG) * pixels), asJpeg.peakBytes(0));
        assertEquals(4L * pixels + Math.round((4 + ChainPlan.ENCODE_BYTES) * pixels), asPng.peakBytes(0));
        assertEquals(3 * (ChainPlan.ENCODE_WORK_PNG - ChainPlan.ENCODE_WORK_JPEG) * pixels, asPng.work() - asJpeg.work(), 1e3,
                "three outputs encoded as PNG");
    }

    @Test
    void aPlanAboveTheHeapIsRefusedSayingWhatItNeedsAndWhatToChange() {
        ChainPlan plan = plan(8000, 6000, ImageFormat.JPEG, "grayscale, blur(radius=20)");
        InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class,
                () -> plan.checkMemory(5_000_000, 512L << 20, 600L << 20));
        // the blur's buffers grow with the processors (one padded strip per band), so the figures come from the model
        long blur = plan.combined().get(1).bytes();
        assertTrue(blur > 512L << 20, "the blur alone is more than the free heap: " + blur);
        assertEquals("the chain 'grayscale, blur(radius=20)' on the 8000x6000 image s3://in/photo needs about "
                + megabytes(plan.peakBytes(5_000_000)) + " of heap at its peak (step 2, blur(radius=20), holds " + megabytes(blur)
                + " beside the 184 MB original), more than the 512 MB this function has free (of a 600 MB heap). Give the function "
                + "more memory, use a smaller image, or make that step produce a smaller image", e.getMessage());
        assertEquals(4L * 48_000_000 + blur, plan.peakBytes(5_000_000),
                "the blur beside its input: the original for its independent output, the grayscale result in the combined chain");
        assertDoesNotThrow(() -> plan.checkMemory(5_000_000, 4L << 30, 4L << 30));
    }

    @Test
    void theRefusalNamesWhereThePeakIsNotTheLargestStepBesideTheOriginal() {
        // the message named the step with the most declared bytes and put it "beside the original", also when the peak was a
        // later step of the combined chain (beside its input, not the original) or decoding the input
        ChainPlan enlarged = plan(3000, 2000, ImageFormat.JPEG, "resize(width=6000), blur(radius=20)");
        InsufficientMemoryException later = assertThrows(InsufficientMemoryException.class,
                () -> enlarged.checkMemory(1_000_000, 64L << 20, 100L << 20));
        ChainPlan.PlannedStep blur = enlarged.combined().get(1);
        assertEquals(4L * 24_000_000 + blur.bytes(), enlarged.peakBytes(1_000_000), "the blur of the enlarged image is the peak");
        assertTrue(later.getMessage().contains(" of heap at its peak (step 2, blur(radius=20), holds " + megabytes(blur.bytes())
                + " beside the 92 MB result of step 1), more than the 64 MB"), later.getMessage());
        assertTrue(later.getMessage().endsWith("or make that step produce a smaller image"), later.getMessage());

        ChainPlan invert = plan(4000, 3000, ImageFormat.JPEG, "invert");
        InsufficientMemoryException decoding = assertThrows(InsufficientMemoryException.class,
                () -> invert.checkMemory(80_000_000, 64L << 20, 100L << 20));
        assertTrue(decoding.getMessage().contains(" of heap at its peak (decoding the input), more than"), decoding.getMessage());
        assertTrue(decoding.getMessage().endsWith("Give the function more memory or use a smaller image"), decoding.getMessage());
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%,d MB", (bytes + (1 << 20) - 1) >> 20);
    }

    @Test
    void workerBytesCoverTheHungriestIndependentStep() {
        ImageSize size = new ImageSize(1000, 1000);
        OperationChain chain = BUILT_INS.parse("invert, blur(radius=100)");
        long blur = chain.steps().get(1).cost(size).bytesFor(size);
        assertTrue(blur > (4 + ChainPlan.ENCODE_BYTES_JPEG) * size.pixels(), "the blur's buffers are more than a result and the encoder: " + blur);
        assertEquals(blur, ChainPlan.workerBytes(size, chain.steps(), ImageFormat.JPEG));
        assertEquals(Math.round((4 + ChainPlan.ENCODE_BYTES_JPEG) * 1_000_000),
                ChainPlan.workerBytes(size, BUILT_INS.parse("invert").steps(), ImageFormat.JPEG), "result and encoder");
    }
}

package dev.pixelstep.functions.plan;

import dev.pixelstep.functions.error.ChainTooCostlyException;
import dev.pixelstep.functions.error.ChainTooLargeException;
import dev.pixelstep.functions.error.InsufficientMemoryException;
import dev.pixelstep.functions.image.ImageFormat;
import dev.pixelstep.functions.image.ImageHeader;
import dev.pixelstep.functions.image.ImageLimits;
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
        assertEquals("the chain 'resize(enlarge=true), rotate-free(degrees=45), rotate-free(degrees=45), rotate-free(degrees=45), "
                + "rotate-free(degrees=45)...' of s3://in/photo makes too large an image: step 1, "
                + "resize(enlarge=true), applied to the 1x1 original, would make a 8192x8192 image (67.1 MP), more than the output "
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
    void sixteenBlursOfRadius100OnAThirteenMegapixelPhotoAreTooCostlyAndTheMessageNamesThem() {
        // issue 11: this took 588 s of CPU for one 1.6 MB upload
        ChainTooCostlyException e = assertThrows(ChainTooCostlyException.class, () -> plan(4416, 2944, ImageFormat.JPEG,
                repeat("blur(radius=100)", 16)).checkWork(LIMITS));
        assertTrue(e.work() > 2.5 * e.budget(), e.work() + " vs " + e.budget());
        assertTrue(e.getMessage().startsWith("the chain 'blur(radius=100), blur(radius=100), "), e.getMessage());
        assertTrue(e.getMessage().contains("is too much work for the 4416x2944 image s3://in/photo: about 292.8 billion work units"), e.getMessage());
        assertTrue(e.getMessage().contains("more than the budget of 100.0 billion (PIXELSTEP_MAX_WORK; one unit is one pixel of a "
                + "simple colour operation such as invert). Costliest steps: steps 1-16 blur(radius=100) (290.4 billion, 99%)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Make those steps cheaper (smaller radius, fewer repetitions) or remove them, use a smaller "
                + "image, or raise PIXELSTEP_MAX_WORK"), e.getMessage());
    }

    @Test
    void theCostliestStepsAreNamedByShareOfTheWork() {
        ChainTooCostlyException e = assertThrows(ChainTooCostlyException.class, () -> plan(7000, 7000, ImageFormat.JPEG,
                "grayscale, blur(radius=100), sharpen(radius=20), blur(radius=100), invert").checkWork(LIMITS));
        String costliest = e.getMessage().substring(e.getMessage().indexOf("Costliest steps: "));
        assertTrue(costliest.startsWith("Costliest steps: steps 2, 4 blur(radius=100) ("), costliest);
        assertTrue(costliest.contains("; step 3 sharpen(radius=20) ("), costliest);
        assertFalse(costliest.contains("invert ("), "at most three: " + costliest);
        ChainTooCostlyException codec = assertThrows(ChainTooCostlyException.class,
                () -> plan(8000, 6000, ImageFormat.PNG, "invert").checkWork(new ChainLimits(50_000_000, 1_000_000)));
        assertTrue(codec.getMessage().contains("Costliest steps: decoding the input and encoding the outputs (4.0 billion, 98%); "
                + "step 1 invert (96.0 million, 2%)"), codec.getMessage());
    }

    @Test
    void everydayChainsFitTheDefaultBudget() {
        assertDoesNotThrow(() -> plan(4000, 3000, ImageFormat.JPEG, repeat("blur", 16)).checkWork(LIMITS));
        assertDoesNotThrow(() -> plan(8660, 5773, ImageFormat.JPEG, "blur(radius=100)").checkWork(LIMITS), "one big blur on 50 MP");
        assertDoesNotThrow(() -> plan(8660, 5773, ImageFormat.PNG, "grayscale, blur(radius=4), sepia, resize(width=2000), "
                + "sharpen, vignette, emboss, edge-detect, rotate").checkWork(LIMITS));
    }

    @Test
    void workIsEveryStepOfBothOutputsPlusDecodingAndEncoding() {
        ChainPlan plan = plan(1000, 1000, ImageFormat.JPEG, "grayscale, resize(width=500)");
        double million = 1_000_000;
        double grayscale = 1.1 * million;
        double resize = (16 + 5 * 4.0) * 250_000;
        double expected = ChainPlan.DECODE_WORK * million
                + grayscale + resize // combined
                + ChainPlan.ENCODE_WORK_JPEG * 250_000 // the combined output is 500x500
                + grayscale + ChainPlan.ENCODE_WORK_JPEG * million // independent 01-grayscale
                + resize + ChainPlan.ENCODE_WORK_JPEG * 250_000; // independent 02-resize
        assertEquals(expected, plan.work(), 1);
        assertEquals(new ImageSize(500, 500), plan.combinedSize());
        assertEquals(2, plan.independent().size());
        assertEquals(new ImageSize(1000, 1000), plan.independent().get(1).source());
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
        long one = plan(4000, 3000, ImageFormat.JPEG, "blur").peakBytes(3_000_000);
        long many = plan(4000, 3000, ImageFormat.JPEG, "blur, " + repeat("grayscale", 15)).peakBytes(3_000_000);
        assertEquals(one, many);
        long original = 4L * 12_000_000;
        assertEquals(original + 24L * 12_000_000, one, "the original and the blur's copy, result and four planes");
        assertEquals(original + 8L * 12_000_000, plan(4000, 3000, ImageFormat.JPEG, "").peakBytes(3_000_000),
                "without steps, encoding the original is the peak");
        assertEquals(50_000_000 + 10L * 12_000_000, plan(4000, 3000, ImageFormat.JPEG, "").peakBytes(50_000_000),
                "unless the encoded input is large");
    }

    @Test
    void aPlanAboveTheHeapIsRefusedSayingWhatItNeedsAndWhatToChange() {
        ChainPlan plan = plan(8000, 6000, ImageFormat.JPEG, "grayscale, blur(radius=20)");
        InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class,
                () -> plan.checkMemory(5_000_000, 512L << 20, 600L << 20));
        assertEquals("the chain 'grayscale, blur(radius=20)' on the 8000x6000 image s3://in/photo needs about 1,465 MB of heap at its "
                + "peak (step 2, blur(radius=20), holds 1,099 MB beside the 184 MB original), more than the 512 MB this function has free "
                + "(of a 600 MB heap). Give the function more memory, use a smaller image, or make that step produce a smaller image",
                e.getMessage());
        assertDoesNotThrow(() -> plan.checkMemory(5_000_000, 2L << 30, 2L << 30));
    }

    @Test
    void workerBytesCoverTheHungriestIndependentStep() {
        OperationChain chain = BUILT_INS.parse("invert, blur");
        assertEquals(24L * 1_000_000, ChainPlan.workerBytes(new ImageSize(1000, 1000), chain.steps()));
        assertEquals(Math.round((4 + ChainPlan.ENCODE_BYTES) * 1_000_000),
                ChainPlan.workerBytes(new ImageSize(1000, 1000), BUILT_INS.parse("invert").steps()), "result and encoder");
    }
}

package dev.pixelstep.functions.internal.plan;

import dev.pixelstep.functions.error.ChainTooCostlyException;
import dev.pixelstep.functions.error.ChainTooLargeException;
import dev.pixelstep.functions.error.InsufficientMemoryException;
import dev.pixelstep.functions.internal.image.ImageFormat;
import dev.pixelstep.functions.internal.image.ImageHeader;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.chain.ChainStep;
import dev.pixelstep.spi.chain.OperationChain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The plan of one processor request, made from the image header alone: the size every step
 * produces, the work of every step, and the heap the request needs at its peak. Refuses, with a
 * message a person can act on, a chain whose step would produce an image above the output pixel
 * limit ({@link ChainTooLargeException}, made by {@link #of}), whose work is above the budget
 * ({@link #checkWork}, {@link ChainTooCostlyException}) or whose peak heap is above what the
 * function has ({@link #checkMemory}, {@link InsufficientMemoryException}).
 *
 * <h2>The model</h2>
 * The request computes the combined output (every step in order) and one independent output per
 * step (each applied to the original), and encodes each; the first independent output is the
 * combined chain's first step, computed once (and a one-step chain's two outputs are one
 * encoding). A step's work is its operation's {@link OperationCost#work()} per output pixel times
 * its output pixels; the request's work is the sum over the steps computed (the combined chain's
 * and the independent outputs' from the second on), plus decoding the input ({@value #DECODE_WORK}
 * units a pixel) and every encoding ({@value #ENCODE_WORK_JPEG} units a pixel for JPEG,
 * {@value #ENCODE_WORK_PNG} for PNG). Its peak heap is that of the order the processor needs the
 * least heap in (one worker: the independent outputs from the second on, then the combined chain,
 * whose first step is the original's last reader; more workers only when the free heap affords
 * them), the largest of: decoding (the encoded bytes and {@value #DECODE_BYTES} bytes per input
 * pixel); the original (4 bytes a pixel) plus one independent output (its step's declared
 * {@link OperationCost#bytes()} per output pixel, or its result and the encoder's bytes:
 * {@value #ENCODE_BYTES_JPEG} a pixel for JPEG, {@value #ENCODE_BYTES} for PNG); the combined
 * chain's first step beside the original; its result and the encoder (the first independent
 * output); each later step beside its input alone; the combined result and the encoder (the
 * original itself for the empty chain). Immutable.
 */
public final class ChainPlan {

    /**
     * Work units per input pixel to decode it into int pixels (measured: JPEG 5.6-6.1, PNG
     * 15.7-17.4, PNG with alpha 18.6-20.7; the plan does not know which, the largest is used).
     */
    static final double DECODE_WORK = 20;
    /**
     * Work units per output pixel to encode a JPEG (quality 0.9, {@code image.JpegWriter}; measured on
     * the calibration photo 8.5 on JDK 17 and 5.8 on JDK 25, on a detailed 13 MP photo 11.5 and 8.2;
     * the JDK writer it replaced measured 8.1-9.1 on JDK 17's libjpeg-turbo and about 31 on JDK 25's
     * bundled libjpeg).
     */
    static final double ENCODE_WORK_JPEG = 9;
    /** Work units per output pixel to encode a PNG (the JDK writer's default deflate; measured 48-54 opaque, 59-66 with alpha). */
    static final double ENCODE_WORK_PNG = 63;
    /**
     * Heap bytes per input pixel while decoding: the reader's raster and its int copy (measured
     * allocation: JPEG 7.0, PNG 10.2, PNG with alpha 12.2).
     */
    static final double DECODE_BYTES = 12.5;
    /**
     * Heap bytes per output pixel the PNG encoder holds besides the image: its row buffers and the
     * growing encoded bytes (measured allocation 10.3).
     */
    static final double ENCODE_BYTES = 10.5;
    /**
     * Heap bytes per output pixel the JPEG encoder ({@code image.JpegWriter}) holds at most besides
     * the image: its strips' growing byte buffers (each grows by half, so the old and the new buffer
     * are 2.5 times the bytes so far) and the file they are joined into. The largest JPEG is noise at
     * quality 100, 1.98 bytes a pixel at 13 MP (0.90 at quality 90, a photo at quality 90 about
     * 0.1): 5 bytes a pixel. Its allocation, garbage included, measured 9.2 bytes a pixel there and
     * 0.6 on the calibration photo; only what is held at once needs room.
     */
    static final double ENCODE_BYTES_JPEG = 5;
    /** Bytes of one int pixel. */
    private static final long INT = 4;

    private final String what;
    private final String chainText;
    private final ImageSize input;
    private final ImageFormat output;
    private final List<PlannedStep> combined;
    private final List<PlannedStep> independent;

    private ChainPlan(String what, String chainText, ImageSize input, ImageFormat output,
                      List<PlannedStep> combined, List<PlannedStep> independent) {
        this.what = what;
        this.chainText = chainText;
        this.input = input;
        this.output = output;
        this.combined = combined;
        this.independent = independent;
    }

    /**
     * Plans {@code chain} on the image {@code header} describes: every step's output size, in the
     * combined output and in each independent one, computed with
     * {@link dev.pixelstep.spi.ImageOperation#outputSize} before anything is allocated.
     *
     * @param what names the input in messages, e.g. {@code s3://bucket/key}
     * @throws ChainTooLargeException at the first step whose output is above {@link ChainLimits#maxOutputPixels()}
     */
    public static ChainPlan of(String what, ImageHeader header, OperationChain chain, ChainLimits limits) {
        return of(what, header, header.format().output(), chain, limits);
    }

    /**
     * Plans {@code chain} as {@link #of(String, ImageHeader, OperationChain, ChainLimits)} does, with
     * its outputs written in {@code output} (the request's output options may ask for another format
     * than the input's).
     */
    public static ChainPlan of(String what, ImageHeader header, ImageFormat output, OperationChain chain, ChainLimits limits) {
        ImageSize input = header.size();
        List<ChainStep> steps = chain.steps();
        List<PlannedStep> combined = new ArrayList<>(steps.size());
        ImageSize current = input;
        for (int i = 0; i < steps.size(); i++) {
            ChainStep step = steps.get(i);
            ImageSize out = step.outputSize(current);
            if (out.pixels() > limits.maxOutputPixels()) {
                throw tooLarge(what, chain, i + 1, step, input, current, out, limits, false);
            }
            combined.add(new PlannedStep(i + 1, step, current, out, step.cost(current)));
            current = out;
        }
        List<PlannedStep> independent = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            ChainStep step = steps.get(i);
            ImageSize out = step.outputSize(input);
            if (out.pixels() > limits.maxOutputPixels()) {
                throw tooLarge(what, chain, i + 1, step, input, input, out, limits, true);
            }
            independent.add(new PlannedStep(i + 1, step, input, out, step.cost(input)));
        }
        return new ChainPlan(what, chain.toString(), input, output, List.copyOf(combined), List.copyOf(independent));
    }

    /** The steps of the combined output, in order, each with its source and output size. */
    public List<PlannedStep> combined() {
        return combined;
    }

    /** The step of each independent output, in chain order, each applied to the original. */
    public List<PlannedStep> independent() {
        return independent;
    }

    /** The size of the combined output. */
    public ImageSize combinedSize() {
        return combined.isEmpty() ? input : combined.get(combined.size() - 1).output();
    }

    /**
     * The request's planned work in work units: decoding, every step computed (the combined chain's
     * and the independent outputs' from the second on: the first is the combined chain's first
     * step), and every encoding (one for both outputs of a one-step chain).
     */
    public double work() {
        double work = DECODE_WORK * input.pixels() + encodeWork() * combinedSize().pixels();
        for (PlannedStep step : combined) {
            work += step.work();
        }
        for (PlannedStep step : computedIndependent()) {
            work += step.work();
        }
        if (independent.size() > 1) { // a one-step chain's only independent output is the combined output's encoding
            for (PlannedStep step : independent) {
                work += encodeWork() * step.output().pixels();
            }
        }
        return work;
    }

    /** The independent outputs computed on their own: all but the first, which is the combined chain's first step. */
    private List<PlannedStep> computedIndependent() {
        return independent.isEmpty() ? independent : independent.subList(1, independent.size());
    }

    /**
     * The heap the request needs at its peak, in bytes (see the class comment for the model).
     *
     * @param encodedBytes the size of the encoded input, held while it is decoded
     */
    public long peakBytes(long encodedBytes) {
        return peak(encodedBytes).bytes();
    }

    /** The peak and what holds the heap there, in words for {@link #checkMemory}'s message. */
    private Peak peak(long encodedBytes) {
        long original = INT * input.pixels();
        Peak peak = new Peak(encodedBytes + bytes(DECODE_BYTES, input), "decoding the input", false);
        // the independent outputs from the second on first, each beside the original
        for (PlannedStep step : computedIndependent()) {
            long held = workerBytes(step, output);
            peak = peak.or(original + held, "step " + step.index() + ", " + step.step() + ", holds " + megabytes(held)
                    + " beside the " + megabytes(original) + " original", true);
        }
        for (PlannedStep step : combined) {
            // step 1 reads the original, its last reader; every later step holds only its input
            long input = step.index() == 1 ? original : INT * step.source().pixels();
            peak = peak.or(input + step.bytes(), "step " + step.index() + ", " + step.step() + ", holds " + megabytes(step.bytes())
                    + " beside the " + megabytes(input) + (step.index() == 1 ? " original" : " result of step " + (step.index() - 1)), true);
            if (step.index() == 1) { // its result, encoded as the first independent output
                peak = peak.or(bytes(INT + encodeBytes(output), step.output()), "encoding the result of step 1", true);
            }
        }
        ImageSize result = combinedSize();
        // the result, or the empty chain's original
        return peak.or(INT * result.pixels() + bytes(encodeBytes(output), result), "encoding the combined result", !combined.isEmpty());
    }

    /**
     * The most heap at one moment of the request and what holds it there.
     *
     * @param byAStep whether making a step's image smaller would lower it
     */
    private record Peak(long bytes, String where, boolean byAStep) {

        /** This peak, or the other moment if it needs more. */
        Peak or(long otherBytes, String otherWhere, boolean otherByAStep) {
            return otherBytes > bytes ? new Peak(otherBytes, otherWhere, otherByAStep) : this;
        }
    }

    /**
     * The most heap one independent output written in {@code output} holds at once: its step's
     * declared bytes, or its result and the encoder's buffers, whichever is larger. The pipeline
     * sizes its workers by it.
     */
    public static long workerBytes(ImageSize original, List<ChainStep> steps, ImageFormat output) {
        List<PlannedStep> planned = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            ChainStep step = steps.get(i);
            planned.add(new PlannedStep(i + 1, step, original, step.outputSize(original), step.cost(original)));
        }
        return workerBytes(planned, output);
    }

    private static long workerBytes(List<PlannedStep> steps, ImageFormat output) {
        long most = 0;
        for (PlannedStep step : steps) {
            most = Math.max(most, workerBytes(step, output));
        }
        return most;
    }

    /** What one independent output holds at once: its step's declared bytes, or its result and the encoder's. */
    private static long workerBytes(PlannedStep step, ImageFormat output) {
        return Math.max(step.bytes(), bytes(INT + encodeBytes(output), step.output()));
    }

    /** Heap bytes per pixel the encoder of {@code format} holds besides the image. */
    static double encodeBytes(ImageFormat format) {
        return format == ImageFormat.JPEG ? ENCODE_BYTES_JPEG : ENCODE_BYTES;
    }

    /**
     * Refuses the plan if its {@linkplain #work() work} is above {@link ChainLimits#maxWork()}.
     *
     * @throws ChainTooCostlyException naming the costliest steps and what to change
     */
    public void checkWork(ChainLimits limits) {
        double work = work();
        if (work <= limits.maxWork()) {
            return;
        }
        throw new ChainTooCostlyException("the chain '" + abbreviate(chainText) + "' is too much work for the " + input + " image "
                + what + ": about " + units(work) + " work units, more than the budget of " + units((double) limits.maxWork())
                + " (PIXELSTEP_MAX_WORK; one unit is one pixel of a simple colour operation such as invert). Costliest steps: "
                + costliest(work) + ". Make those steps cheaper (smaller radius, fewer repetitions) or remove them, "
                + "use a smaller image, or raise PIXELSTEP_MAX_WORK", limits.maxWork(), work);
    }

    /**
     * Refuses the plan if its {@linkplain #peakBytes peak} does not fit in {@code availableBytes}.
     *
     * @param encodedBytes   the size of the encoded input
     * @param availableBytes the heap the request can use
     * @param maxHeapBytes   the function's whole heap ({@link Runtime#maxMemory()}), for the message
     * @throws InsufficientMemoryException saying how much is needed, which step needs it and what to change
     */
    public void checkMemory(long encodedBytes, long availableBytes, long maxHeapBytes) {
        Peak peak = peak(encodedBytes);
        if (peak.bytes() <= availableBytes) {
            return;
        }
        throw new InsufficientMemoryException("the chain '" + abbreviate(chainText) + "' on the " + input + " image " + what
                + " needs about " + megabytes(peak.bytes()) + " of heap at its peak (" + peak.where() + "), more than the "
                + megabytes(availableBytes) + " this function has free (of a " + megabytes(maxHeapBytes) + " heap). Give the function "
                + "more memory" + (peak.byAStep() ? ", use a smaller image, or make that step produce a smaller image"
                : " or use a smaller image"));
    }

    /**
     * The largest parts of the work, at most three: steps grouped by their canonical text (both
     * outputs together), and decoding with encoding as one part.
     */
    private String costliest(double total) {
        Map<String, TreeSet<Integer>> indices = new LinkedHashMap<>();
        Map<String, Double> work = new LinkedHashMap<>();
        for (PlannedStep step : combined) {
            String text = step.step().toString();
            indices.computeIfAbsent(text, t -> new TreeSet<>()).add(step.index());
            work.merge(text, step.work(), Double::sum);
        }
        double steps = 0;
        for (PlannedStep step : computedIndependent()) {
            work.merge(step.step().toString(), step.work(), Double::sum);
        }
        for (double w : work.values()) {
            steps += w;
        }
        String codec = "decoding the input and encoding the outputs";
        work.put(codec, total - steps);
        return work.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(3)
                .map(e -> (e.getKey().equals(codec) ? codec
                        : "step" + (indices.get(e.getKey()).size() > 1 ? "s " : " ") + ranges(indices.get(e.getKey())) + " " + e.getKey())
                        + " (" + units(e.getValue()) + ", " + Math.round(100 * e.getValue() / total) + "%)")
                .collect(Collectors.joining("; "));
    }

    /** 1, 2, 3, 5 as "1-3, 5". */
    private static String ranges(TreeSet<Integer> numbers) {
        List<String> out = new ArrayList<>();
        Integer start = null;
        Integer previous = null;
        for (int n : numbers) {
            if (start == null) {
                start = n;
            } else if (n != previous + 1) {
                out.add(start.equals(previous) ? "" + start : start + "-" + previous);
                start = n;
            }
            previous = n;
        }
        if (start != null) {
            out.add(start.equals(previous) ? "" + start : start + "-" + previous);
        }
        return out.stream().collect(Collectors.joining(", "));
    }

    private double encodeWork() {
        return output == ImageFormat.JPEG ? ENCODE_WORK_JPEG : ENCODE_WORK_PNG;
    }

    private static ChainTooLargeException tooLarge(String what, OperationChain chain, int index, ChainStep step, ImageSize input,
                                                  ImageSize source, ImageSize out, ChainLimits limits, boolean independent) {
        String from = independent
                ? "applied to the " + input + " original for its independent output"
                : index == 1 ? "applied to the " + input + " original"
                : "applied to the " + source + " result of step" + (index == 2 ? " 1" : "s 1-" + (index - 1)) + " (the original is " + input + ")";
        return new ChainTooLargeException("the chain '" + abbreviate(chain.toString()) + "' of " + what + " makes too large an image: step "
                + index + ", " + step + ", " + from + ", would make a " + out + " image (" + megapixels(out.pixels())
                + "), more than the output limit of " + String.format(Locale.ROOT, "%,d", limits.maxOutputPixels()) + " pixels ("
                + megapixels(limits.maxOutputPixels()) + ", PIXELSTEP_MAX_OUTPUT_PIXELS). The chain is too large, not the upload: "
                + "change or remove that step (or resize the image down before it), or raise PIXELSTEP_MAX_OUTPUT_PIXELS",
                index, limits.maxOutputPixels(), out.pixels());
    }

    private static long bytes(double perPixel, ImageSize size) {
        return (long) Math.ceil(perPixel * size.pixels());
    }

    /** Work units in words: "412.3 billion", "85.0 million". */
    public static String units(double work) {
        if (work >= 1e9) {
            return String.format(Locale.ROOT, "%.1f billion", work / 1e9);
        }
        if (work >= 1e6) {
            return String.format(Locale.ROOT, "%.1f million", work / 1e6);
        }
        return String.format(Locale.ROOT, "%,.0f", work);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", (bytes + (1 << 20) - 1) >> 20);
    }

    private static String megapixels(long pixels) {
        return String.format(Locale.ROOT, "%.1f MP", pixels / 1_000_000.0);
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }

    @Override
    public String toString() {
        return "ChainPlan[" + input + " '" + chainText + "', work " + units(work()) + "]";
    }

    /**
     * One planned step: which step of the chain, what it reads and what it makes.
     *
     * @param index  1-based position in the chain
     * @param step   the step
     * @param source the size of the image it is applied to
     * @param output the size of the image it makes
     * @param cost   its cost per output pixel
     */
    public record PlannedStep(int index, ChainStep step, ImageSize source, ImageSize output, OperationCost cost) {

        /** Work units: the cost per pixel times the output's pixels. */
        public double work() {
            return cost.workFor(output);
        }

        /** Heap bytes at the step's peak, its result included. */
        public long bytes() {
            return cost.bytesFor(output);
        }
    }
}

package dev.pixelstep.functions.internal.analyser;

import dev.pixelstep.functions.internal.image.ImageDecoder;
import dev.pixelstep.functions.internal.image.PixelRows;
import dev.pixelstep.functions.internal.image.ReadImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Counts an {@link ImageHistogram} from rows as pixelstep's JPEG decoder converts them (the
 * {@link PixelRows} {@link ImageDecoder#read} hands them to): no image is built, no row is
 * interleaved, so the analyser holds no 4-byte-a-pixel copy of the photo. Each {@link #get()} is a
 * new set of bins for one converting task (thread-safe: the decoder asks for them on the threads that
 * convert); {@link #histogram} sums them once the decode is done. The bins are those of
 * {@link ImageHistogram#of}, counted the same way, so the two give equal histograms of equal pixels.
 */
public final class HistogramCounter implements Supplier<PixelRows> {

    private final Queue<Bins> bins = new ConcurrentLinkedQueue<>();

    /** A new counter for the rows of one converting task. */
    @Override
    public PixelRows get() {
        Bins counter = new Bins();
        bins.add(counter);
        return counter;
    }

    /**
     * The histogram of what {@code read} read with this counter: of its image when it holds one
     * (another reader decoded the file; any rows counted before pixelstep's decoder declined it are
     * dropped), else of the rows counted, for its upright width and height (the orientation does
     * not change the counts).
     *
     * @throws IllegalStateException if the rows counted are not width x height pixels
     */
    public ImageHistogram histogram(ReadImage read) {
        return read.image().map(ImageHistogram::of).orElseGet(() -> counted(read.width(), read.height()));
    }

    private ImageHistogram counted(int width, int height) {
        List<int[]> partial = new ArrayList<>();
        for (Bins b : bins) {
            partial.add(b.even);
            partial.add(b.odd);
        }
        long[][] counts = ImageHistogram.merge(partial);
        long counted = 0;
        for (long count : counts[0]) {
            counted += count;
        }
        if (counted != (long) width * height) {
            throw new IllegalStateException(counted + " pixels counted for a " + width + "x" + height + " image");
        }
        return ImageHistogram.of(width, height, counts);
    }

    /** The bins of one task: two sets, so that runs of equal pixels do not wait on one counter (see {@link ImageHistogram#of}). */
    private static final class Bins implements PixelRows {
        private final int[] even = new int[4 * ImageHistogram.BINS];
        private final int[] odd = new int[4 * ImageHistogram.BINS];

        @Override
        public void row(int y, int[] pixels, int width) {
            ImageHistogram.countInto(pixels, 0, width, even, odd);
        }

        /**
         * The two halves in one loop, each into its own set of bins (two calls of countInto, one a
         * half, measured about 10 ms slower at 13 MP, AnalyserCpuTime).
         */
        @Override
        public void pairs(int y, int[] evenPixels, int[] oddPixels, int width) {
            int pairs = width >> 1;
            for (int i = 0; i < pairs; i++) {
                ImageHistogram.addPacked(even, evenPixels[i]);
                ImageHistogram.addPacked(odd, oddPixels[i]);
            }
            if ((width & 1) != 0) {
                ImageHistogram.addPacked(even, evenPixels[pairs]);
            }
        }
    }
}

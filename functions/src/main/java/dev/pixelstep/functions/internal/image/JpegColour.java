package dev.pixelstep.functions.internal.image;

/**
 * Turns rows of a decoded JPEG's sample planes into packed {@code TYPE_INT_RGB} pixels, handed to a
 * {@link PixelRows} row by row (an image's {@code int[]}, or the histogram's counter): grey
 * samples into equal channels, YCbCr through chroma upsampling and the JFIF conversion. Both are
 * libjpeg's defaults, so the pixels match the JDK's reader and Pillow: "fancy" upsampling (each
 * output sample 3/4 of the nearer and 1/4 of the farther chroma sample in each direction
 * subsampled, edges repeated, libjpeg's rounding; plain repetition for chroma planes 2 samples
 * wide or less, as libjpeg does) and the conversion in 16-bit fixed point (the arithmetic of
 * libjpeg's tables, range-limited with min/max).
 *
 * <p>Written for the JIT's auto-vectorisation: every hot loop reads and writes row buffers of this
 * object at one index {@code [x]} (HotSpot C2 leaves a loop scalar when it reads one array at two
 * offsets or at a variable one), so rows are copied in and out with {@link System#arraycopy}. For
 * horizontally subsampled chroma the even and odd output pixels are computed as two half rows (the
 * luma row split into its even and odd samples, the neighbours of each chroma sample prepared as
 * shifted copies) and handed over as the two halves ({@link PixelRows#pairs}; the image's output
 * interleaves them, a counter need not). One instance per thread.
 */
final class JpegColour {

    private final JpegFrame frame;
    private final byte[][] planes;
    private final PixelRows out;
    /** Bytes of one plane row, copied out of the plane. */
    private final byte[] nearBytes;
    /** At chroma resolution: the vertical sums, a copy shifted right by one (left neighbours at [x]), a copy (right neighbours at [x + 1]). */
    private final int[] sums;
    private final int[] lefts;
    private final int[] rights;
    /** Chroma of the even and odd output pixels (pairs), or of every pixel (full rows, in the even arrays). */
    private final int[] blueEven;
    private final int[] blueOdd;
    private final int[] redEven;
    private final int[] redOdd;
    /** Luma of the even and odd output pixels (or of every pixel), and the converted pixels. */
    private final int[] lumaEven;
    private final int[] lumaOdd;
    private final int[] rgbEven;
    private final int[] rgbOdd;
    /** Chroma rows widened to ints (4:2:0): three per component, row r of component c in slot 3 (c - 1) + r % 3. */
    private final int[][] chromaRows;
    private final int[] chromaRowNumbers;
    /** The conversion's packed red, then red and green, of a row's pixels. */
    private final int[] reds;
    private final int[] redGreens;

    JpegColour(JpegFrame frame, byte[][] planes, PixelRows out) {
        this.frame = frame;
        this.planes = planes;
        this.out = out;
        int stride = frame.components[0].stride;
        int half = stride / 2 + 1;
        boolean colour = !frame.grey();
        nearBytes = new byte[stride];
        sums = new int[colour ? half + 1 : 0];
        lefts = new int[colour ? half + 1 : 0];
        rights = new int[colour ? half + 1 : 0];
        blueEven = new int[colour ? stride : 0];
        redEven = new int[colour ? stride : 0];
        blueOdd = new int[colour ? half : 0];
        redOdd = new int[colour ? half : 0];
        lumaEven = new int[stride];
        lumaOdd = new int[half];
        rgbEven = new int[stride];
        rgbOdd = new int[half];
        boolean verticalChroma = colour && frame.maxV == 2;
        chromaRows = new int[verticalChroma ? 6 : 0][half];
        chromaRowNumbers = new int[verticalChroma ? 6 : 0];
        java.util.Arrays.fill(chromaRowNumbers, -1);
        reds = new int[colour ? stride : 0];
        redGreens = new int[colour ? stride : 0];
    }

    /** Converts output rows {@code from} (inclusive) to {@code to} (exclusive); their samples must be decoded. */
    void rows(int from, int to) {
        int width = frame.width;
        if (frame.grey()) {
            int stride = frame.components[0].stride;
            for (int y = from; y < to; y++) {
                System.arraycopy(planes[0], y * stride, nearBytes, 0, width);
                grey(nearBytes, rgbEven, width);
                out.row(y, rgbEven, width);
            }
            return;
        }
        JpegFrame.Component chroma = frame.components[1];
        boolean pairs = frame.maxH == 2 && chroma.width > 2;
        int lumaStride = frame.components[0].stride;
        for (int y = from; y < to; y++) {
            if (pairs) {
                int w = chroma.width;
                halves(1, y, blueEven, blueOdd);
                halves(2, y, redEven, redOdd);
                System.arraycopy(planes[0], y * lumaStride, nearBytes, 0, 2 * w);
                split(nearBytes, lumaEven, lumaOdd, w);
                convert(lumaEven, blueEven, redEven, rgbEven, w);
                convert(lumaOdd, blueOdd, redOdd, rgbOdd, w);
                out.pairs(y, rgbEven, rgbOdd, width);
            } else {
                fullRow(planes[1], y, blueEven);
                fullRow(planes[2], y, redEven);
                System.arraycopy(planes[0], y * lumaStride, nearBytes, 0, width);
                widen(nearBytes, lumaEven, width);
                convert(lumaEven, blueEven, redEven, rgbEven, width);
                out.row(y, rgbEven, width);
            }
        }
    }

    /**
     * The chroma of output row {@code y}'s even and odd pixels from a plane subsampled 2x
     * horizontally: the vertical triangle (3 x nearer row + farther row) for 4:2:0, the samples for
     * 4:2:2, then 3/4 of each sample and 1/4 of its left (even) or right (odd) neighbour, edges
     * repeated, with libjpeg's biases.
     */
    private void halves(int component, int y, int[] even, int[] odd) {
        JpegFrame.Component c = frame.components[component];
        int w = c.width;
        int[] s = sums;
        int[] l = lefts;
        int[] r = rights;
        if (frame.maxV == 2) {
            int nearRow = y >> 1;
            int farRow = (y & 1) == 0 ? Math.max(nearRow - 1, 0) : Math.min(nearRow + 1, c.height - 1);
            int[] near = chromaRow(component, nearRow);
            int[] far = chromaRow(component, farRow);
            for (int x = 0; x < w; x++) {
                s[x] = 3 * near[x] + far[x];
            }
        } else {
            System.arraycopy(planes[component], y * c.stride, nearBytes, 0, w);
            widen(nearBytes, s, w);
        }
        System.arraycopy(s, 0, l, 1, w); // the neighbours as separate arrays: each loop reads every array at [x]
        System.arraycopy(s, 0, r, 0, w);
        l[0] = s[0];
        r[w] = s[w - 1];
        int shift = frame.maxV == 2 ? 4 : 2;
        int evenBias = frame.maxV == 2 ? 8 : 1;
        int oddBias = frame.maxV == 2 ? 7 : 2;
        for (int x = 0; x < w; x++) {
            int three = 3 * s[x];
            even[x] = three + l[x] + evenBias >> shift;
            odd[x] = three + r[x + 1] + oddBias >> shift;
        }
    }

    /**
     * Row {@code row} of chroma plane {@code component} (1 or 2) as ints: each row is widened once and
     * kept while the rows around it are converted (a 4:2:0 chroma row is read for four output rows;
     * widening bytes is what costs, 0.2 ns a sample against 0.07 for the vertical sums of ints).
     */
    private int[] chromaRow(int component, int row) {
        int slot = 3 * (component - 1) + row % 3;
        int[] ints = chromaRows[slot];
        if (chromaRowNumbers[slot] != row) {
            JpegFrame.Component c = frame.components[component];
            System.arraycopy(planes[component], row * c.stride, nearBytes, 0, c.width);
            widen(nearBytes, ints, c.width);
            chromaRowNumbers[slot] = row;
        }
        return ints;
    }

    /** The chroma of output row {@code y} at full resolution: 4:4:4 as is, narrow planes repeated. */
    private void fullRow(byte[] plane, int y, int[] row) {
        JpegFrame.Component c = frame.components[1];
        int width = frame.width;
        int h = frame.maxH;
        if (h == 1) { // 4:4:4
            System.arraycopy(plane, (y / frame.maxV) * c.stride, nearBytes, 0, width);
            widen(nearBytes, row, width);
            return;
        }
        int a = (y / frame.maxV) * c.stride; // chroma 2 samples wide or less: repeated
        for (int x = 0; x < width; x++) {
            row[x] = plane[a + x / h] & 0xff;
        }
    }

    private static void widen(byte[] bytes, int[] ints, int n) {
        for (int x = 0; x < n; x++) {
            ints[x] = bytes[x] & 0xff;
        }
    }

    private static void grey(byte[] samples, int[] rgb, int n) {
        for (int x = 0; x < n; x++) {
            rgb[x] = 0xff000000 | (samples[x] & 0xff) * 0x010101;
        }
    }

    /**
     * Splits {@code 2 * w} samples into the even and odd ones: strided loops, one per half (0.36
     * against 0.69 ns a pair as one loop storing both, micro-benchmark on JDK 25).
     */
    private static void split(byte[] samples, int[] even, int[] odd, int w) {
        for (int x = 0; x < w; x++) {
            even[x] = samples[2 * x] & 0xff;
        }
        for (int x = 0; x < w; x++) {
            odd[x] = samples[2 * x + 1] & 0xff;
        }
    }

    /**
     * The JFIF conversion of libjpeg (jdcolor.c) for {@code n} pixels, in its 16-bit fixed point:
     * R = Y + 1.40200 Cr, G = Y - 0.34414 Cb - 0.71414 Cr, B = Y + 1.77200 Cb, each term rounded as
     * libjpeg's tables round it, then limited to 0..255. One loop per channel, each adding to the
     * packed pixel of the one before: C2 (JDK 25) vectorises each, but left the three channels in
     * one loop scalar (1.0 against 0.4 ns a pixel, measured).
     */
    private void convert(int[] luma, int[] blue, int[] red, int[] rgb, int n) {
        // 91881 (cr - 128) + 32768, -22554 (cb - 128) - 46802 (cr - 128) + 32768, 116130 (cb - 128) + 32768:
        // with the constants folded (C2 vectorises this form, not the one with the subtractions)
        int[] r = reds;
        int[] rg = redGreens;
        for (int x = 0; x < n; x++) {
            r[x] = 0xff000000 | Math.min(255, Math.max(0, luma[x] + (91881 * red[x] - 11728000 >> 16))) << 16;
        }
        for (int x = 0; x < n; x++) {
            rg[x] = r[x] | Math.min(255, Math.max(0, luma[x] + (-22554 * blue[x] - 46802 * red[x] + 8910336 >> 16))) << 8;
        }
        for (int x = 0; x < n; x++) {
            rgb[x] = rg[x] | Math.min(255, Math.max(0, luma[x] + (116130 * blue[x] - 14831872 >> 16)));
        }
    }
}

package dev.pixelstep.functions.internal.image;

/**
 * Turns rows of a decoded JPEG's sample planes into packed {@code TYPE_INT_RGB} pixels: grey
 * samples into equal channels, YCbCr through chroma upsampling and the JFIF conversion. Both are
 * libjpeg's defaults, so the pixels match the JDK's reader and Pillow: "fancy" upsampling (each
 * output sample 3/4 of the nearer and 1/4 of the farther chroma sample in each direction
 * subsampled, edges repeated, libjpeg's rounding; plain repetition for chroma planes 2 samples
 * wide or less, as libjpeg does) and the conversion in 16-bit fixed point. Upsampling and
 * conversion are separate loops over a row, the conversion by table (faster than the arithmetic in
 * scalar code). One instance per thread.
 */
final class JpegColour {

    /** libjpeg's conversion tables (16-bit fixed point, indexed by the 0..255 chroma sample) and its range limit. */
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];
    private static final int RANGE_OFFSET = 384;
    /** {@code RANGE[v + RANGE_OFFSET]} is v clamped to 0..255, for v in -384..639. */
    private static final byte[] RANGE = new byte[1024];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = 91881 * x + 32768 >> 16;  // 1.40200
            CB_B[i] = 116130 * x + 32768 >> 16; // 1.77200
            CR_G[i] = -46802 * x;               // -0.71414; summed with CB_G, then shifted
            CB_G[i] = -22554 * x + 32768;       // -0.34414, plus one half
        }
        for (int i = 0; i < RANGE.length; i++) {
            RANGE[i] = (byte) Math.min(255, Math.max(0, i - RANGE_OFFSET));
        }
    }

    private final JpegFrame frame;
    private final byte[][] planes;
    private final int[] out;
    /** Per chroma plane, one row at chroma resolution with one repeated sample at each end (fancy 4:2:x). */
    private final int[] blueSums;
    private final int[] redSums;
    /** Per chroma plane, one row at full resolution (every other sampling). */
    private final int[] blueRow;
    private final int[] redRow;

    JpegColour(JpegFrame frame, byte[][] planes, int[] out) {
        this.frame = frame;
        this.planes = planes;
        this.out = out;
        int chroma = frame.grey() ? 0 : frame.components[1].stride;
        blueSums = new int[chroma + 2];
        redSums = new int[chroma + 2];
        blueRow = new int[frame.grey() ? 0 : frame.width];
        redRow = new int[frame.grey() ? 0 : frame.width];
    }

    /** Converts output rows {@code from} (inclusive) to {@code to} (exclusive); their samples must be decoded. */
    void rows(int from, int to) {
        int width = frame.width;
        if (frame.grey()) {
            byte[] plane = planes[0];
            int stride = frame.components[0].stride;
            for (int y = from; y < to; y++) {
                for (int x = 0, at = y * stride, o = y * width; x < width; x++) {
                    out[o + x] = 0xff000000 | (plane[at + x] & 0xff) * 0x010101;
                }
            }
            return;
        }
        JpegFrame.Component chroma = frame.components[1];
        boolean pairs = frame.maxH == 2 && chroma.width > 2;
        for (int y = from; y < to; y++) {
            if (pairs) {
                int shift = frame.maxV == 2 ? 4 : 2;
                sums(planes[1], y, blueSums);
                sums(planes[2], y, redSums);
                upsamplePairs(shift == 4 ? 8 : 1, shift == 4 ? 7 : 2, shift);
            } else {
                fullRow(planes[1], y, blueRow);
                fullRow(planes[2], y, redRow);
            }
            convert(y);
        }
    }

    /**
     * The chroma row of output row {@code y} at chroma resolution in {@code sums[1..w]}, with
     * {@code sums[0] = sums[1]} and {@code sums[w + 1] = sums[w]}: for 4:2:0 the vertical triangle
     * (3 x nearer row + farther row), for 4:2:2 the samples.
     */
    private void sums(byte[] plane, int y, int[] sums) {
        JpegFrame.Component c = frame.components[1];
        int w = c.width;
        if (frame.maxV == 2) {
            int near = y >> 1;
            int far = (y & 1) == 0 ? Math.max(near - 1, 0) : Math.min(near + 1, c.height - 1);
            int a = near * c.stride;
            int b = far * c.stride;
            for (int x = 0; x < w; x++) {
                sums[x + 1] = 3 * (plane[a + x] & 0xff) + (plane[b + x] & 0xff);
            }
        } else {
            int a = y * c.stride;
            for (int x = 0; x < w; x++) {
                sums[x + 1] = plane[a + x] & 0xff;
            }
        }
        sums[0] = sums[1];
        sums[w + 1] = sums[w];
    }

    /** Upsamples the sums horizontally (3/4 nearer + 1/4 farther, libjpeg's biases) into the full-resolution rows. */
    private void upsamplePairs(int leftBias, int rightBias, int shift) {
        int width = frame.width;
        int pairs = width >> 1;
        int[] cb = blueSums;
        int[] cr = redSums;
        int[] b = blueRow;
        int[] r = redRow;
        for (int x = 0; x < pairs; x++) {
            int b3 = 3 * cb[x + 1];
            int r3 = 3 * cr[x + 1];
            b[2 * x] = b3 + cb[x] + leftBias >> shift;
            b[2 * x + 1] = b3 + cb[x + 2] + rightBias >> shift;
            r[2 * x] = r3 + cr[x] + leftBias >> shift;
            r[2 * x + 1] = r3 + cr[x + 2] + rightBias >> shift;
        }
        if ((width & 1) != 0) {
            b[width - 1] = 3 * cb[pairs + 1] + cb[pairs] + leftBias >> shift;
            r[width - 1] = 3 * cr[pairs + 1] + cr[pairs] + leftBias >> shift;
        }
    }

    /** The chroma of output row {@code y} at full resolution: 4:4:4 as is, 4:4:0 by the vertical triangle, narrow planes repeated. */
    private void fullRow(byte[] plane, int y, int[] row) {
        JpegFrame.Component c = frame.components[1];
        int width = frame.width;
        int h = frame.maxH;
        if (frame.maxV == 2 && h == 1) { // 4:4:0, fancy vertically
            int near = y >> 1;
            int far = (y & 1) == 0 ? Math.max(near - 1, 0) : Math.min(near + 1, c.height - 1);
            int bias = (y & 1) == 0 ? 1 : 2;
            int a = near * c.stride;
            int b = far * c.stride;
            for (int x = 0; x < width; x++) {
                row[x] = 3 * (plane[a + x] & 0xff) + (plane[b + x] & 0xff) + bias >> 2;
            }
            return;
        }
        int a = (y / frame.maxV) * c.stride; // 4:4:4, or chroma 2 samples wide or less: repeated
        for (int x = 0; x < width; x++) {
            row[x] = plane[a + x / h] & 0xff;
        }
    }

    /** Converts output row {@code y} from its luma and the full-resolution chroma rows, by table like libjpeg. */
    private void convert(int y) {
        int width = frame.width;
        byte[] luma = planes[0];
        int[] cb = blueRow;
        int[] cr = redRow;
        int[] o = out;
        byte[] range = RANGE;
        int l = y * frame.components[0].stride;
        int at = y * width;
        for (int x = 0; x < width; x++) {
            int v = (luma[l + x] & 0xff) + RANGE_OFFSET;
            int b = cb[x];
            int r = cr[x];
            o[at + x] = 0xff000000 | (range[v + CR_R[r]] & 0xff) << 16 | (range[v + (CB_G[b] + CR_G[r] >> 16)] & 0xff) << 8
                    | range[v + CB_B[b]] & 0xff;
        }
    }
}

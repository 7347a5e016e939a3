package dev.pixelstep.functions.internal.image;

/**
 * Turns rows of a decoded JPEG's sample planes into packed {@code TYPE_INT_RGB} pixels: grey
 * samples into equal channels, YCbCr through chroma upsampling and the JFIF conversion. Both are
 * libjpeg's defaults, so the pixels match the JDK's reader and Pillow: "fancy" upsampling (each
 * output sample 3/4 of the nearer and 1/4 of the farther chroma sample in each direction
 * subsampled, edges repeated; plain repetition for chroma planes 2 samples wide or less, as libjpeg
 * does) and the conversion in 16-bit fixed point with libjpeg's rounding. One instance per thread.
 */
final class JpegColour {

    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = 91881 * x + 32768 >> 16;     // 1.40200
            CB_B[i] = 116130 * x + 32768 >> 16;    // 1.77200
            CR_G[i] = -46802 * x;                  // -0.71414, summed with CB_G, then shifted
            CB_G[i] = -22554 * x + 32768;          // -0.34414, plus one half
        }
    }

    private final JpegFrame frame;
    private final byte[][] planes;
    private final int[] out;
    /** Vertical sums (3 near + far) of the two chroma planes for one row, and the upsampled chroma rows. */
    private final int[] blueSums;
    private final int[] redSums;
    private final byte[] blue;
    private final byte[] red;

    JpegColour(JpegFrame frame, byte[][] planes, int[] out) {
        this.frame = frame;
        this.planes = planes;
        this.out = out;
        if (frame.grey()) {
            blueSums = redSums = null;
            blue = red = null;
        } else {
            int chroma = frame.components[1].stride;
            blueSums = new int[chroma];
            redSums = new int[chroma];
            blue = new byte[chroma * frame.maxH];
            red = new byte[chroma * frame.maxH];
        }
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
        byte[] luma = planes[0];
        int lumaStride = frame.components[0].stride;
        for (int y = from; y < to; y++) {
            byte[] cb = chromaRow(planes[1], y, blueSums, blue);
            byte[] cr = chromaRow(planes[2], y, redSums, red);
            int cbAt = cb == blue ? 0 : (y / frame.maxV) * frame.components[1].stride;
            for (int x = 0, at = y * lumaStride, o = y * width; x < width; x++) {
                int l = luma[at + x] & 0xff;
                int b = cb[cbAt + x] & 0xff;
                int r = cr[cbAt + x] & 0xff;
                out[o + x] = 0xff000000 | clamp(l + CR_R[r]) << 16 | clamp(l + (CB_G[b] + CR_G[r] >> 16)) << 8 | clamp(l + CB_B[b]);
            }
        }
    }

    /** Chroma at full resolution for output row {@code y}: the plane itself (4:4:4) or {@code row} filled from it. */
    private byte[] chromaRow(byte[] plane, int y, int[] sums, byte[] row) {
        JpegFrame.Component c = frame.components[1];
        int stride = c.stride;
        int w = c.width;
        int hScale = frame.maxH;
        if (frame.maxV == 1 && hScale == 1) {
            return plane;
        }
        boolean fancy = w > 2 || hScale == 1;
        if (frame.maxV == 2) {
            int near = y >> 1;
            int far = !fancy ? near : (y & 1) == 0 ? Math.max(near - 1, 0) : Math.min(near + 1, c.height - 1);
            int a = near * stride;
            int b = far * stride;
            for (int x = 0; x < w; x++) {
                sums[x] = 3 * (plane[a + x] & 0xff) + (plane[b + x] & 0xff);
            }
            if (hScale == 1) { // 4:4:0
                int bias = (y & 1) == 0 ? 1 : 2;
                for (int x = 0; x < w; x++) {
                    row[x] = (byte) (sums[x] + bias >> 2);
                }
                return row;
            }
            if (!fancy) {
                for (int x = 0; x < w; x++) {
                    row[2 * x] = row[2 * x + 1] = plane[a + x];
                }
                return row;
            }
            // 4:2:0: the same triangle horizontally, over the vertical sums (x16 in all)
            row[0] = (byte) (4 * sums[0] + 8 >> 4);
            for (int x = 0; x < w - 1; x++) {
                int s = 3 * sums[x];
                if (x > 0) {
                    row[2 * x] = (byte) (s + sums[x - 1] + 8 >> 4);
                }
                row[2 * x + 1] = (byte) (s + sums[x + 1] + 7 >> 4);
            }
            int last = w - 1;
            row[2 * last] = (byte) (3 * sums[last] + sums[last - 1] + 8 >> 4);
            row[2 * last + 1] = (byte) (4 * sums[last] + 7 >> 4);
            return row;
        }
        // 4:2:2
        int a = y * stride;
        if (!fancy) {
            for (int x = 0; x < w; x++) {
                row[2 * x] = row[2 * x + 1] = plane[a + x];
            }
            return row;
        }
        row[0] = plane[a];
        for (int x = 0; x < w - 1; x++) {
            int s = 3 * (plane[a + x] & 0xff);
            if (x > 0) {
                row[2 * x] = (byte) (s + (plane[a + x - 1] & 0xff) + 1 >> 2);
            }
            row[2 * x + 1] = (byte) (s + (plane[a + x + 1] & 0xff) + 2 >> 2);
        }
        int last = w - 1;
        row[2 * last] = (byte) (3 * (plane[a + last] & 0xff) + (plane[a + last - 1] & 0xff) + 1 >> 2);
        row[2 * last + 1] = plane[a + last];
        return row;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }
}

package dev.pixelstep.functions.internal.image;

/**
 * Where {@link JpegDecoder} puts the rows it converts (its one colour conversion, {@link JpegColour},
 * writes every row here): into a {@code TYPE_INT_RGB} image's {@code int[]} ({@link IntRgbRows}), or
 * to a caller that only reads the pixels once (the analyser's histogram counts them as they come,
 * with no image). Pixels are packed like {@code TYPE_INT_RGB}: {@code 0xffRRGGBB}. Rows are in the
 * file's stored orientation (the EXIF orientation is not applied) and come in no particular order
 * when several threads convert; each row comes once. The arrays are the converter's buffers: read
 * them during the call, do not keep them. One instance per converting thread unless the
 * implementation is thread-safe.
 */
public interface PixelRows {

    /** Row {@code y}: pixel {@code x} at {@code pixels[x]}, for {@code x < width}. */
    void row(int y, int[] pixels, int width);

    /**
     * Row {@code y} as its even and odd pixels (how the converter computes horizontally subsampled
     * chroma): pixel {@code 2i} at {@code even[i]} and pixel {@code 2i + 1} at {@code odd[i]}, for
     * pixels {@code x < width}; {@code odd[width / 2]} and later are not pixels of the row.
     */
    void pairs(int y, int[] even, int[] odd, int width);
}

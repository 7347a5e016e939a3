package dev.pixelstep.functions.internal.image;

/**
 * Why {@link JpegDecoder} does not decode a file itself: a JPEG variant it does not handle
 * (progressive, arithmetic coding, CMYK, a colour profile other than sRGB ...) or data it finds
 * damaged. Internal to the decoder's classes: {@link JpegDecoder#decode} turns it into an empty
 * answer, and the caller decodes the file with ImageIO, which reports damage in its own words.
 * Carries no stack trace (it is control flow, not a fault).
 */
final class JpegDeclined extends RuntimeException {

    private static final long serialVersionUID = 1L;

    JpegDeclined(String reason) {
        super(reason, null, false, false);
    }
}

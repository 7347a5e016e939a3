package dev.pixelstep.functions.internal.image;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The marker segments of a JPEG file, read independently of the encoder for tests: every marker
 * in file order with its payload, and the markers found inside the entropy-coded data (restart
 * markers), with byte stuffing undone for counting.
 */
record JpegSegments(List<Segment> segments, List<Integer> scanMarkers) {

    /** One marker and its payload (without the length field); empty for markers without one. */
    record Segment(int marker, byte[] payload) {
        int u16(int at) {
            return (payload[at] & 0xff) << 8 | (payload[at + 1] & 0xff);
        }

        int u8(int at) {
            return payload[at] & 0xff;
        }
    }

    static JpegSegments parse(byte[] jpeg) {
        List<Segment> segments = new ArrayList<>();
        List<Integer> scanMarkers = new ArrayList<>();
        int i = 0;
        while (i < jpeg.length) {
            if ((jpeg[i] & 0xff) != 0xFF) {
                throw new AssertionError("expected a marker at byte " + i);
            }
            int marker = jpeg[i + 1] & 0xff;
            i += 2;
            if (marker == 0xD8 || marker == 0xD9) {
                segments.add(new Segment(marker, new byte[0]));
                continue;
            }
            int length = (jpeg[i] & 0xff) << 8 | (jpeg[i + 1] & 0xff);
            byte[] payload = java.util.Arrays.copyOfRange(jpeg, i + 2, i + length);
            segments.add(new Segment(marker, payload));
            i += length;
            if (marker == 0xDA) { // entropy-coded data up to the next marker that is neither stuffing nor RSTn
                while (true) {
                    if ((jpeg[i] & 0xff) == 0xFF) {
                        int next = jpeg[i + 1] & 0xff;
                        if (next == 0) {
                            i += 2;
                            continue;
                        }
                        if (next >= 0xD0 && next <= 0xD7) {
                            scanMarkers.add(next);
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
            }
        }
        return new JpegSegments(segments, scanMarkers);
    }

    List<Integer> markers() {
        return segments.stream().map(Segment::marker).toList();
    }

    Segment first(int marker) {
        return segments.stream().filter(s -> s.marker() == marker).findFirst()
                .orElseThrow(() -> new AssertionError("no marker 0x" + Integer.toHexString(marker)));
    }

    /** The payloads of every segment with {@code marker}, concatenated. */
    byte[] all(int marker) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        segments.stream().filter(s -> s.marker() == marker).forEach(s -> out.writeBytes(s.payload()));
        return out.toByteArray();
    }
}

package dev.pixelstep.asl.internal.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Timestamps as the States Language writes them: RFC 3339 with an upper-case {@code T} between date and time and
 * an upper-case {@code Z} or a numeric offset, e.g. {@code 2016-08-18T17:33:00Z}.
 */
public final class Timestamps {

    private static final Pattern SHAPE =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final DateTimeFormatter OUTPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** Parses a timestamp; empty when the text is not one. */
    public static Optional<OffsetDateTime> parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Formats an instant as Step Functions does in the context object: UTC with milliseconds. */
    public static String format(Instant instant) {
        return OUTPUT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}

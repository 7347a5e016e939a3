package dev.pixelstep.asl.definition;

import dev.pixelstep.asl.internal.expression.Path;
import java.time.OffsetDateTime;

/**
 * A Wait state; exactly one of its four duration fields is set.
 *
 * @param name          the name
 * @param comment       the Comment, or null
 * @param transition    Next or End
 * @param inputPath     InputPath
 * @param outputPath    OutputPath
 * @param seconds       Seconds, or null
 * @param timestamp     Timestamp, or null
 * @param secondsPath   SecondsPath, or null
 * @param timestampPath TimestampPath, or null
 */
public record WaitState(String name, String comment, Transition transition, InputSelection inputPath,
                        InputSelection outputPath, Long seconds, OffsetDateTime timestamp, Path secondsPath,
                        Path timestampPath) implements State {

    @Override
    public String type() {
        return "Wait";
    }
}

package dev.pixelstep.asl.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.StatesFailure;
import dev.pixelstep.asl.internal.json.Json;
import java.nio.charset.StandardCharsets;

/** Step Functions' 256 KiB limit on execution input, task results and state outputs (as UTF-8 JSON). */
final class PayloadLimit {

    /** The limit in bytes. */
    static final int MAX_BYTES = 256 * 1024;

    private PayloadLimit() {
    }

    /** @throws StatesFailure States.DataLimitExceeded (never retried nor caught) when the payload is too large */
    static void check(JsonNode payload, String what) {
        if (payload == null || payload.isValueNode() && !payload.isTextual()) {
            return;
        }
        int bytes = Json.write(payload).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new StatesFailure(ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task returned a result with a size"
                    + " exceeding the maximum number of bytes service limit: " + what + " is " + bytes
                    + " bytes, more than " + MAX_BYTES);
        }
    }
}

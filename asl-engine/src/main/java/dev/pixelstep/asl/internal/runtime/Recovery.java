package dev.pixelstep.asl.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.definition.Catcher;
import dev.pixelstep.asl.definition.ErrorHandling;
import dev.pixelstep.asl.definition.Retrier;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.StatesFailure;
import dev.pixelstep.asl.internal.json.Json;
import java.time.Duration;

/**
 * Retry and Catch around the attempts of one Task, Parallel or Map state. The first Retrier whose ErrorEquals
 * matches decides: it retries while it has attempts left, sleeping {@link Retrier#delay} in between; once it is
 * exhausted (or when no Retrier matches) the first matching Catcher places {@code {"Error","Cause"}} in the raw
 * input at its ResultPath and goes to its Next. States.Runtime and States.DataLimitExceeded are never handled.
 */
final class Recovery {

    /** One attempt of a state, given how many retries came before it. */
    @FunctionalInterface
    interface Attempt {
        Outcome run(int retryCount);
    }

    private final ExecutionRun run;

    Recovery(ExecutionRun run) {
        this.run = run;
    }

    Outcome run(ErrorHandling handling, JsonNode rawInput, Attempt attempt) {
        int[] retriesPerRetrier = new int[handling.retriers().size()];
        int retryCount = 0;
        while (true) {
            try {
                return attempt.run(retryCount);
            } catch (StatesFailure failure) {
                if (ErrorNames.isUnrecoverable(failure.error())) {
                    throw failure;
                }
                int index = firstRetrier(handling, failure.error());
                if (index >= 0 && retriesPerRetrier[index] < handling.retriers().get(index).maxAttempts()) {
                    Retrier retrier = handling.retriers().get(index);
                    Duration delay = retrier.delay(retriesPerRetrier[index], run.config().random());
                    retriesPerRetrier[index]++;
                    retryCount++;
                    sleep(delay);
                    continue;
                }
                for (Catcher catcher : handling.catchers()) {
                    if (catcher.handles(failure.error())) {
                        return new Outcome(catcher.resultPath().apply(rawInput, errorOutput(failure)), catcher.next());
                    }
                }
                throw failure;
            }
        }
    }

    private static int firstRetrier(ErrorHandling handling, String error) {
        for (int i = 0; i < handling.retriers().size(); i++) {
            if (handling.retriers().get(i).handles(error)) {
                return i;
            }
        }
        return -1;
    }

    private void sleep(Duration delay) {
        try {
            run.config().sleeper().sleep(delay);
        } catch (InterruptedException e) {
            throw new ExecutionStoppedException();
        }
    }

    /** The error output a Catcher passes on: {@code {"Error": ..., "Cause": ...}}. */
    static ObjectNode errorOutput(StatesFailure failure) {
        ObjectNode output = Json.object();
        output.put("Error", failure.error());
        if (failure.cause() != null) {
            output.put("Cause", failure.cause());
        }
        return output;
    }
}

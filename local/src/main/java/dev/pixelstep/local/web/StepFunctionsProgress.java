package dev.pixelstep.local.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.local.runtime.StateProgress;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deployed pipeline's runs, state by state, read from Step Functions with two calls:
 * <ol>
 *   <li>{@code ListExecutions} on the state machine ARN (or its alias or version ARN), newest
 *       first, back to shortly before the upload: the candidates;</li>
 *   <li>{@code GetExecutionHistory} of a candidate, first event only: {@code ExecutionStarted}
 *       carries the execution's input, the upload's {@code Object Created} event, whose bucket and
 *       key say whether it is this run's; then, for the run's execution, its whole history.</li>
 * </ol>
 * The history becomes states as in the local mode ({@link ExecutionProgress}). Every execution's
 * input is looked at once, and a finished history is read once. A failing call (missing
 * permission, throttling) is reported in the log once per message and the page falls back to the
 * manifest for that poll.
 */
final class StepFunctionsProgress {

    /** Executions listed per page. */
    static final int PAGE = 100;
    /** Pages looked at per poll, at most, before giving up until the next poll. */
    static final int MAX_PAGES = 5;
    /** How long before the upload (as the page's clock saw it) an execution may have started, for clock differences. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    /** How long a poll waits for an execution whose manifest exists to record its own end. */
    static final Duration END_WAIT = Duration.ofSeconds(5);

    private final SfnClient sfn;
    private final String stateMachineArn;
    private final String inputBucket;
    private final PrintStream log;
    private final Map<String, String> executionByKey = lru(1024);
    private final Map<String, String> keyByExecution = lru(8192);
    private final Map<String, List<StateProgress>> finished = lru(256);
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    StepFunctionsProgress(SfnClient sfn, String stateMachineArn, String inputBucket, PrintStream log) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
        this.inputBucket = inputBucket;
        this.log = log;
    }

    /**
     * The states of the execution started for the upload at {@code key}; empty while there is none.
     *
     * @param uploadedAt when the upload was made, by the page's clock
     * @param ended      whether the run's manifest exists (its execution has ended or is ending)
     */
    List<StateProgress> progress(String key, Instant uploadedAt, boolean ended) {
        List<StateProgress> done = finished.get(key);
        if (done != null) {
            return done;
        }
        try {
            Optional<String> execution = execution(key, uploadedAt);
            if (execution.isEmpty()) {
                return List.of();
            }
            List<HistoryEvent> history = history(execution.get());
            long deadline = System.nanoTime() + END_WAIT.toNanos();
            while (ended && !ExecutionProgress.ended(history) && System.nanoTime() < deadline) {
                // The manifest is the execution's last task: its end follows a moment later.
                Thread.sleep(250);
                history = history(execution.get());
            }
            List<StateProgress> states = ExecutionProgress.ofStepFunctions(history, Instant.now());
            if (ExecutionProgress.ended(history)) {
                finished.put(key, states);
            }
            return states;
        } catch (SdkException e) {
            if (reported.add(e.getMessage())) {
                log.println("web: cannot read Step Functions' history of " + stateMachineArn + " (the page follows the manifest meanwhile): "
                        + e.getMessage());
            }
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The ARN of the execution whose input is the upload at {@code key}, if it has started. */
    private Optional<String> execution(String key, Instant uploadedAt) {
        String known = executionByKey.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Instant earliest = uploadedAt.minus(CLOCK_SKEW);
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String next = token;
            ListExecutionsResponse listed = sfn.listExecutions(r -> r.stateMachineArn(stateMachineArn).maxResults(PAGE).nextToken(next));
            for (ExecutionListItem item : listed.executions()) {
                if (item.startDate() != null && item.startDate().isBefore(earliest)) {
                    return Optional.empty(); // newest first: the rest started before the upload
                }
                String started = keyByExecution.get(item.executionArn());
                if (started == null) {
                    started = uploadOf(item.executionArn()); // a remote call: outside the map's lock
                    keyByExecution.put(item.executionArn(), started);
                    if (!started.isEmpty()) {
                        executionByKey.put(started, item.executionArn());
                    }
                }
                if (started.equals(key)) {
                    return Optional.of(item.executionArn());
                }
            }
            token = listed.nextToken();
            if (token == null) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The key of the input bucket's upload that started {@code executionArn}, or "" for anything else. */
    private String uploadOf(String executionArn) {
        List<HistoryEvent> first = sfn.getExecutionHistory(r -> r.executionArn(executionArn).maxResults(1)).events();
        if (first.isEmpty() || first.get(0).executionStartedEventDetails() == null) {
            return "";
        }
        String input = first.get(0).executionStartedEventDetails().input();
        try {
            JsonNode event = Exchanges.JSON.readTree(input == null ? "{}" : input);
            if (!inputBucket.equals(event.at("/detail/bucket/name").asText())) {
                return "";
            }
            return event.at("/detail/object/key").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private List<HistoryEvent> history(String executionArn) {
        List<HistoryEvent> events = new ArrayList<>();
        sfn.getExecutionHistoryPaginator(r -> r.executionArn(executionArn).maxResults(1000).includeExecutionData(false))
                .events().forEach(events::add);
        return events;
    }

    private static <V> Map<String, V> lru(int size) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > size;
            }
        });
    }
}

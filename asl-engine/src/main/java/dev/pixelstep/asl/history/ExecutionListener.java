package dev.pixelstep.asl.history;

/**
 * Receives every history event of every execution of an engine as it is recorded (for progress displays and
 * logs). Called on the thread that recorded the event, in order for each execution; keep it quick and never
 * throw.
 */
@FunctionalInterface
public interface ExecutionListener {

    /**
     * @param executionArn the execution's ARN
     * @param event        the event just recorded
     */
    void onEvent(String executionArn, HistoryEvent event);
}

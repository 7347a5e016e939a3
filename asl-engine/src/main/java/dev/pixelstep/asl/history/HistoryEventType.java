package dev.pixelstep.asl.history;

/**
 * The kinds of execution history events, named as in Step Functions' GetExecutionHistory ({@link #awsName()}),
 * each with the name of its details object ({@link #detailsField()}, null when it has none).
 */
public enum HistoryEventType {
    /** The execution started; details: input. */
    EXECUTION_STARTED("ExecutionStarted", "executionStartedEventDetails"),
    /** The execution succeeded; details: output. */
    EXECUTION_SUCCEEDED("ExecutionSucceeded", "executionSucceededEventDetails"),
    /** The execution failed; details: error, cause. */
    EXECUTION_FAILED("ExecutionFailed", "executionFailedEventDetails"),
    /** The execution was stopped; details: error, cause. */
    EXECUTION_ABORTED("ExecutionAborted", "executionAbortedEventDetails"),
    /** The execution exceeded its TimeoutSeconds; details: error, cause. */
    EXECUTION_TIMED_OUT("ExecutionTimedOut", "executionTimedOutEventDetails"),
    /** A Pass state was entered; details: name, input. */
    PASS_STATE_ENTERED("PassStateEntered", "stateEnteredEventDetails"),
    /** A Pass state was exited; details: name, output. */
    PASS_STATE_EXITED("PassStateExited", "stateExitedEventDetails"),
    /** A Task state was entered. */
    TASK_STATE_ENTERED("TaskStateEntered", "stateEnteredEventDetails"),
    /** A Task state was exited. */
    TASK_STATE_EXITED("TaskStateExited", "stateExitedEventDetails"),
    /** A Choice state was entered. */
    CHOICE_STATE_ENTERED("ChoiceStateEntered", "stateEnteredEventDetails"),
    /** A Choice state was exited. */
    CHOICE_STATE_EXITED("ChoiceStateExited", "stateExitedEventDetails"),
    /** A Wait state was entered. */
    WAIT_STATE_ENTERED("WaitStateEntered", "stateEnteredEventDetails"),
    /** A Wait state was exited. */
    WAIT_STATE_EXITED("WaitStateExited", "stateExitedEventDetails"),
    /** A Succeed state was entered. */
    SUCCEED_STATE_ENTERED("SucceedStateEntered", "stateEnteredEventDetails"),
    /** A Succeed state was exited. */
    SUCCEED_STATE_EXITED("SucceedStateExited", "stateExitedEventDetails"),
    /** A Fail state was entered. */
    FAIL_STATE_ENTERED("FailStateEntered", "stateEnteredEventDetails"),
    /** A Parallel state was entered. */
    PARALLEL_STATE_ENTERED("ParallelStateEntered", "stateEnteredEventDetails"),
    /** A Parallel state was exited. */
    PARALLEL_STATE_EXITED("ParallelStateExited", "stateExitedEventDetails"),
    /** A Parallel state started its branches. */
    PARALLEL_STATE_STARTED("ParallelStateStarted", null),
    /** Every branch of a Parallel state succeeded. */
    PARALLEL_STATE_SUCCEEDED("ParallelStateSucceeded", null),
    /** A branch of a Parallel state failed. */
    PARALLEL_STATE_FAILED("ParallelStateFailed", null),
    /** A Parallel state's branches were stopped. */
    PARALLEL_STATE_ABORTED("ParallelStateAborted", null),
    /** A Map state was entered. */
    MAP_STATE_ENTERED("MapStateEntered", "stateEnteredEventDetails"),
    /** A Map state was exited. */
    MAP_STATE_EXITED("MapStateExited", "stateExitedEventDetails"),
    /** A Map state started its iterations; details: length. */
    MAP_STATE_STARTED("MapStateStarted", "mapStateStartedEventDetails"),
    /** Every iteration of a Map state succeeded. */
    MAP_STATE_SUCCEEDED("MapStateSucceeded", null),
    /** An iteration of a Map state failed. */
    MAP_STATE_FAILED("MapStateFailed", null),
    /** A Map state's iterations were stopped. */
    MAP_STATE_ABORTED("MapStateAborted", null),
    /** A Map iteration started; details: name, index. */
    MAP_ITERATION_STARTED("MapIterationStarted", "mapIterationStartedEventDetails"),
    /** A Map iteration succeeded; details: name, index. */
    MAP_ITERATION_SUCCEEDED("MapIterationSucceeded", "mapIterationSucceededEventDetails"),
    /** A Map iteration failed; details: name, index. */
    MAP_ITERATION_FAILED("MapIterationFailed", "mapIterationFailedEventDetails"),
    /** A Map iteration was stopped; details: name, index. */
    MAP_ITERATION_ABORTED("MapIterationAborted", "mapIterationAbortedEventDetails"),
    /** A Distributed Map state started its Map Run; details: mapRunArn. */
    MAP_RUN_STARTED("MapRunStarted", "mapRunStartedEventDetails"),
    /** A Map Run ended with every child execution done and the failures within the tolerated threshold. */
    MAP_RUN_SUCCEEDED("MapRunSucceeded", null),
    /** A Map Run failed; details: error, cause. */
    MAP_RUN_FAILED("MapRunFailed", "mapRunFailedEventDetails"),
    /** A Map Run was stopped with its execution. */
    MAP_RUN_ABORTED("MapRunAborted", null),
    /** A task was scheduled; details: resourceType, resource, region, parameters, timeoutInSeconds, heartbeatInSeconds. */
    TASK_SCHEDULED("TaskScheduled", "taskScheduledEventDetails"),
    /** A task started; details: resourceType, resource. */
    TASK_STARTED("TaskStarted", "taskStartedEventDetails"),
    /** A task succeeded; details: resourceType, resource, output. */
    TASK_SUCCEEDED("TaskSucceeded", "taskSucceededEventDetails"),
    /** A task failed; details: resourceType, resource, error, cause. */
    TASK_FAILED("TaskFailed", "taskFailedEventDetails"),
    /** A task exceeded its TimeoutSeconds or HeartbeatSeconds; details: resourceType, resource, error, cause. */
    TASK_TIMED_OUT("TaskTimedOut", "taskTimedOutEventDetails");

    private final String awsName;
    private final String detailsField;

    HistoryEventType(String awsName, String detailsField) {
        this.awsName = awsName;
        this.detailsField = detailsField;
    }

    /** The type as Step Functions names it, e.g. {@code TaskStateEntered}. */
    public String awsName() {
        return awsName;
    }

    /** The name of the details object in Step Functions' JSON, or null. */
    public String detailsField() {
        return detailsField;
    }
}

package dev.pixelstep.asl.error;

import java.util.List;
import java.util.Set;

/**
 * The error names predefined by the Amazon States Language ("States." prefix) and the rules for
 * matching an error against a Retrier's or Catcher's {@code ErrorEquals} list.
 */
public final class ErrorNames {

    /** Wildcard matching every error name except the unrecoverable ones ({@link #RUNTIME}, {@link #DATA_LIMIT_EXCEEDED}). */
    public static final String ALL = "States.ALL";
    /** A Task failed; as a wildcard it matches every error except {@link #TIMEOUT} (and the unrecoverable ones). */
    public static final String TASK_FAILED = "States.TaskFailed";
    /** A Task ran longer than its TimeoutSeconds. */
    public static final String TIMEOUT = "States.Timeout";
    /** A Task did not send a heartbeat within HeartbeatSeconds. */
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    /** An execution could not process something at run time (never retried nor caught). */
    public static final String RUNTIME = "States.Runtime";
    /** A payload exceeded a size limit (never retried nor caught). */
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    /** A Task lacked permissions. */
    public static final String PERMISSIONS = "States.Permissions";
    /** A ResultPath could not be applied to the state's input. */
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    /** A path in a payload template (Parameters, ItemSelector, ResultSelector) could not be resolved. */
    public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    /** A branch of a Parallel or Map state failed. */
    public static final String BRANCH_FAILED = "States.BranchFailed";
    /** No Choice rule matched and the Choice state has no Default. */
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    /** An intrinsic function failed. */
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    /** A Map state's tolerated failure threshold was exceeded (Distributed Map only; recognised, never raised). */
    public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
    /** A Map state's item reader failed (Distributed Map only; recognised, never raised). */
    public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
    /** A Map state's result writer failed (Distributed Map only; recognised, never raised). */
    public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
    /** A query evaluation failed (JSONata only; recognised, never raised). */
    public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

    private static final Set<String> PREDEFINED = Set.of(ALL, TASK_FAILED, TIMEOUT, HEARTBEAT_TIMEOUT, RUNTIME,
            DATA_LIMIT_EXCEEDED, PERMISSIONS, RESULT_PATH_MATCH_FAILURE, PARAMETER_PATH_FAILURE, BRANCH_FAILED,
            NO_CHOICE_MATCHED, INTRINSIC_FAILURE, EXCEED_TOLERATED_FAILURE_THRESHOLD, ITEM_READER_FAILED,
            RESULT_WRITER_FAILED, QUERY_EVALUATION_ERROR);

    private ErrorNames() {
    }

    /** Whether {@code name} uses the reserved "States." prefix and is one of the names the language defines. */
    public static boolean isPredefined(String name) {
        return PREDEFINED.contains(name);
    }

    /** Whether {@code name} uses the reserved "States." prefix. */
    public static boolean isReserved(String name) {
        return name.startsWith("States.");
    }

    /** Errors that end an execution whatever its Retry and Catch fields say. */
    public static boolean isUnrecoverable(String error) {
        return RUNTIME.equals(error) || DATA_LIMIT_EXCEEDED.equals(error);
    }

    /**
     * Whether an error named {@code error} is matched by an {@code ErrorEquals} list: by exact name, by
     * {@link #ALL}, or by {@link #TASK_FAILED} for every error other than {@link #TIMEOUT}. Unrecoverable errors
     * are never matched.
     */
    public static boolean matches(List<String> errorEquals, String error) {
        if (isUnrecoverable(error)) {
            return false;
        }
        for (String candidate : errorEquals) {
            if (candidate.equals(error) || ALL.equals(candidate)
                    || (TASK_FAILED.equals(candidate) && !TIMEOUT.equals(error))) {
                return true;
            }
        }
        return false;
    }
}

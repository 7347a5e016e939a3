package dev.pixelstep.asl.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One attempt of one Task state: its effective input and where it runs.
 */
public final class TaskInvocation {

    private final String resource;
    private final JsonNode input;
    private final String stateName;
    private final String executionArn;
    private final String region;
    private final String account;
    private final int retryCount;
    private final String requestId;
    private final Runnable heartbeat;

    /**
     * @param resource     the Resource ARN
     * @param input        the effective input
     * @param stateName    the Task state's name
     * @param executionArn the execution's ARN
     * @param region       the engine's region
     * @param account      the engine's account id
     * @param retryCount   how many times this state has been retried so far
     * @param requestId    a unique id for this attempt (usable as an AWS request id)
     * @param heartbeat    records a heartbeat (see {@link #heartbeat()})
     */
    public TaskInvocation(String resource, JsonNode input, String stateName, String executionArn, String region,
                          String account, int retryCount, String requestId, Runnable heartbeat) {
        this.resource = Objects.requireNonNull(resource, "resource");
        this.input = Objects.requireNonNull(input, "input");
        this.stateName = Objects.requireNonNull(stateName, "stateName");
        this.executionArn = Objects.requireNonNull(executionArn, "executionArn");
        this.region = Objects.requireNonNull(region, "region");
        this.account = Objects.requireNonNull(account, "account");
        this.retryCount = retryCount;
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
    }

    /** The Resource ARN. */
    public String resource() {
        return resource;
    }

    /** The effective input (after InputPath and Parameters); a copy, free to modify. */
    public JsonNode input() {
        return input.deepCopy();
    }

    /** The Task state's name. */
    public String stateName() {
        return stateName;
    }

    /** The execution's ARN. */
    public String executionArn() {
        return executionArn;
    }

    /** The engine's region. */
    public String region() {
        return region;
    }

    /** The engine's account id. */
    public String account() {
        return account;
    }

    /** How many times this state has been retried so far (0 on the first attempt). */
    public int retryCount() {
        return retryCount;
    }

    /** A unique id for this attempt. */
    public String requestId() {
        return requestId;
    }

    /** Tells the engine the task is alive: resets the HeartbeatSeconds timer. */
    public void heartbeat() {
        heartbeat.run();
    }
}

package dev.pixelstep.cdk;

import java.time.Duration;

/**
 * Memory and timeout of one Lambda function. Lambda gives CPU in proportion to memory (one full
 * vCPU at 1769 MB), so memory sizes speed as well as the heap.
 *
 * @param memoryMb memory in MB, 128 to 10240
 * @param timeout  timeout, 1 second to 15 minutes (the state machine's task timeout)
 */
public record FunctionSizing(int memoryMb, Duration timeout) {

    /** Lambda's smallest memory size in MB. */
    public static final int MIN_MEMORY_MB = 128;
    /** Lambda's largest memory size in MB. */
    public static final int MAX_MEMORY_MB = 10_240;
    /** Lambda's longest timeout, also the state machine's task timeout. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(15);

    public FunctionSizing {
        if (memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB) {
            throw new IllegalArgumentException("memory must be " + MIN_MEMORY_MB + " to " + MAX_MEMORY_MB + " MB, got " + memoryMb);
        }
        if (timeout == null || timeout.toSeconds() < 1 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout must be 1 to " + MAX_TIMEOUT.toSeconds() + " seconds, got " + timeout);
        }
    }

    /** The same sizing with another memory size. */
    public FunctionSizing withMemoryMb(int memory) {
        return new FunctionSizing(memory, timeout);
    }

    /** The same sizing with another timeout. */
    public FunctionSizing withTimeout(Duration newTimeout) {
        return new FunctionSizing(memoryMb, newTimeout);
    }
}

package dev.pixelstep.cdk;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * Memory, timeout and reserved concurrency of one Lambda function. Lambda gives CPU in proportion
 * to memory (one full vCPU at 1769 MB), so memory sizes speed as well as the heap.
 *
 * @param memoryMb            memory in MB, 128 to 10240
 * @param timeout             timeout, 1 second to 15 minutes (the state machine's task timeout)
 * @param reservedConcurrency the most instances the function may run at once, reserved for it out
 *                            of the account's concurrency; empty to reserve none (the function then
 *                            shares the account's unreserved pool with everything else). Never 0:
 *                            Lambda reads 0 as "throttle every invocation", which would stop the
 *                            pipeline rather than leave the function unlimited
 */
public record FunctionSizing(int memoryMb, Duration timeout, OptionalInt reservedConcurrency) {

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
        if (reservedConcurrency == null) {
            throw new IllegalArgumentException("reserved concurrency must be a number or empty (none), got null");
        }
        if (reservedConcurrency.isPresent() && reservedConcurrency.getAsInt() < 1) {
            throw new IllegalArgumentException("reserved concurrency must be at least 1, got " + reservedConcurrency.getAsInt()
                    + " (Lambda throttles every invocation of a function reserved at 0; reserve none to leave it unlimited)");
        }
    }

    /** A sizing that reserves no concurrency. */
    public FunctionSizing(int memoryMb, Duration timeout) {
        this(memoryMb, timeout, OptionalInt.empty());
    }

    /** The same sizing with another memory size. */
    public FunctionSizing withMemoryMb(int memory) {
        return new FunctionSizing(memory, timeout, reservedConcurrency);
    }

    /** The same sizing with another timeout. */
    public FunctionSizing withTimeout(Duration newTimeout) {
        return new FunctionSizing(memoryMb, newTimeout, reservedConcurrency);
    }

    /** The same sizing with another reserved concurrency; empty reserves none. */
    public FunctionSizing withReservedConcurrency(OptionalInt concurrency) {
        return new FunctionSizing(memoryMb, timeout, concurrency);
    }
}

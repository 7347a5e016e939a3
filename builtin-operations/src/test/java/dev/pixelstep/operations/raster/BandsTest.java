package dev.pixelstep.operations.raster;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@link Bands#each}: every task once, the caller working and then waiting parked, failures thrown as they are. */
class BandsTest {

    @Test
    void runsEveryTaskExactlyOnceWhateverTheCount() {
        for (int tasks : new int[] {0, 1, 2, 3, 7, 64, 1000}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(tasks, 1));
            Bands.each(tasks, runs::incrementAndGet);
            for (int t = 0; t < tasks; t++) {
                assertEquals(1, runs.get(t), "task " + t + " of " + tasks);
            }
        }
    }

    @Test
    void returnsOnlyWhenTheTaskOnAPoolThreadHasEnded() {
        // the caller's task sleeps 100 ms, long enough for a pool thread to take the other
        Thread caller = Thread.currentThread();
        AtomicBoolean tookElsewhere = new AtomicBoolean();
        AtomicBoolean endedElsewhere = new AtomicBoolean();
        Bands.each(2, t -> {
            if (Thread.currentThread() == caller) {
                sleep(100);
            } else {
                tookElsewhere.set(true);
                sleep(300);
                endedElsewhere.set(true);
            }
        });
        assumeTrue(tookElsewhere.get(), "no pool thread was free to take a task");
        assertTrue(endedElsewhere.get(), "returned while the pool thread's task still ran");
    }

    @Test
    void callersWaitParkedWhileOtherCallersKeepThePoolBusy() throws InterruptedException {
        // Regression: a parallel stream started outside the pool, while other callers' streams kept its
        // queues full, left its caller scanning them at full speed until the stream ended (JDK 17: 100-200
        // ms of CPU in one caller or two of three in almost every round of this test). The tasks only sleep.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            long[] cpuMillis = new long[3];
            Thread[] callers = new Thread[cpuMillis.length];
            for (int c = 0; c < callers.length; c++) {
                int caller = c;
                callers[c] = new Thread(() -> {
                    long before = threads.getCurrentThreadCpuTime();
                    Bands.each(8, t -> sleep(50));
                    cpuMillis[caller] = (threads.getCurrentThreadCpuTime() - before) / 1_000_000;
                });
                callers[c].start();
            }
            for (Thread caller : callers) {
                caller.join();
            }
            for (long millis : cpuMillis) {
                assertTrue(millis < 60, "round " + round + ": callers used " + Arrays.toString(cpuMillis)
                        + " ms of CPU running tasks that sleep");
            }
        }
    }

    @Test
    void throwsTheFirstFailureItselfAndStartsNoTaskAfterIt() {
        IllegalStateException failure = new IllegalStateException("task 0 failed");
        AtomicIntegerArray runs = new AtomicIntegerArray(4000);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Bands.each(4000, t -> {
            runs.incrementAndGet(t);
            if (t == 0) {
                throw failure;
            }
            sleep(1);
        }));
        assertSame(failure, thrown);
        int ran = 0;
        for (int t = 0; t < runs.length(); t++) {
            ran += runs.get(t);
        }
        assertTrue(ran < 100, ran + " of 4000 tasks ran after the first had failed");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.pixelstep.local.runtime;

import dev.pixelstep.local.storage.ObjectCreated;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Where accepted uploads wait for a run, and the slots they run in: a light lane and a heavy lane,
 * each with slots of its own, so a heavy chain that holds a slot for minutes never holds up a light
 * one. Each lane takes its uploads in the order they came, but never two of the same key at once
 * (a later upload of a key waits for the run of the earlier one, so runs of one key end in order).
 * Nothing waits inside a thread pool: an upload is handed to a thread only when a slot of its lane
 * is free, and the ledger holds every waiting upload durably, so stopping loses nothing.
 */
final class ExecutionLanes implements AutoCloseable {

    /** The two lanes. */
    enum Lane { LIGHT, HEAVY }

    private record Job(ObjectCreated object, Lane lane) {
    }

    private final Deque<Job> light = new ArrayDeque<>();
    private final Deque<Job> heavy = new ArrayDeque<>();
    private final int lightSlots;
    private final int heavySlots;
    private int lightRunning;
    private int heavyRunning;
    private final Set<List<String>> keysRunning = new HashSet<>();
    private final Set<List<String>> queued = new HashSet<>();
    private final ThreadPoolExecutor threads;
    private final Consumer<ObjectCreated> runner;
    private boolean closed;

    /**
     * @param lightSlots runs at once in the light lane
     * @param heavySlots runs at once in the heavy lane
     * @param runner     runs one upload to its end (on a thread of the lanes)
     */
    ExecutionLanes(int lightSlots, int heavySlots, Consumer<ObjectCreated> runner) {
        this.lightSlots = lightSlots;
        this.heavySlots = heavySlots;
        this.runner = runner;
        // As many threads as runs: the lanes count the slots, so the pool needs no bound of its own (a thread
        // that ends a run hands the next one out before it is idle again, so a bounded pool would refuse it).
        this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread t = new Thread(runnable, "pixelstep-execution");
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Queues an upload in a lane.
     *
     * @return false if the lanes are closed or hold this upload already
     */
    synchronized boolean submit(ObjectCreated object, Lane lane) {
        if (closed || !queued.add(id(object))) {
            return false;
        }
        (lane == Lane.HEAVY ? heavy : light).addLast(new Job(object, lane));
        dispatch();
        return true;
    }

    /** Uploads waiting for a slot. */
    synchronized int waiting() {
        return light.size() + heavy.size();
    }

    /** Uploads waiting in one lane. */
    synchronized int waiting(Lane lane) {
        return (lane == Lane.HEAVY ? heavy : light).size();
    }

    private void dispatch() {
        while (!closed && lightRunning < lightSlots && start(light)) {
            lightRunning++;
        }
        while (!closed && heavyRunning < heavySlots && start(heavy)) {
            heavyRunning++;
        }
    }

    /** Starts the first job of the queue whose key is not running; false if there is none. */
    private boolean start(Deque<Job> queue) {
        for (Iterator<Job> it = queue.iterator(); it.hasNext(); ) {
            Job job = it.next();
            List<String> key = List.of(job.object().bucket(), job.object().key());
            if (!keysRunning.contains(key)) {
                it.remove();
                keysRunning.add(key);
                threads.execute(() -> run(job, key));
                return true;
            }
        }
        return false;
    }

    private void run(Job job, List<String> key) {
        try {
            runner.accept(job.object());
        } finally {
            synchronized (this) {
                keysRunning.remove(key);
                queued.remove(id(job.object()));
                if (job.lane() == Lane.HEAVY) {
                    heavyRunning--;
                } else {
                    lightRunning--;
                }
                dispatch();
            }
        }
    }

    private static List<String> id(ObjectCreated object) {
        return List.of(object.bucket(), object.key(), String.valueOf(object.sequencer()));
    }

    /** Stops handing out work and interrupts the runs in progress (their uploads stay pending in the ledger). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            light.clear();
            heavy.clear();
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

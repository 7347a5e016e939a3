package dev.pixelstep.cdk;

import java.util.PriorityQueue;
import java.util.Random;

/**
 * A discrete-event model (not a measurement) of the README's burst: {@code uploads} executions
 * started as Step Functions' StartExecution token bucket allows (1,300 at once, then 300 a second),
 * each invoking a function with {@code slots} reserved instances for 0.8 to 1.2 times
 * {@code seconds}; a throttled invoke waits as the state machine's retry of
 * {@code Lambda.TooManyRequestsException} does (2 s, x2, at most 60 s, full jitter, 15 retries) and
 * fails after the last. Prints how many finished, how many failed and when the last finished.
 *
 * <pre>java -cp examples/deploy-cdk/target/test-classes dev.pixelstep.cdk.BurstSimulation 10000 100 2</pre>
 */
public final class BurstSimulation {

    private static final int BUCKET = 1_300;
    private static final double REFILL_PER_SECOND = 300;
    private static final double INTERVAL = 2;
    private static final double BACKOFF = 2;
    private static final double MAX_DELAY = 60;
    private static final int MAX_RETRIES = 15;

    private record Event(double time, boolean finish, int retries) {
    }

    private BurstSimulation() {
    }

    /** Arguments: uploads, reserved instances, seconds a run [, seed]. */
    public static void main(String[] args) {
        int uploads = Integer.parseInt(args[0]);
        int slots = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        Random random = new Random(args.length > 3 ? Long.parseLong(args[3]) : 1);
        PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> Double.compare(a.time(), b.time()));
        for (int i = 0; i < uploads; i++) {
            events.add(new Event(i < BUCKET ? 0 : (i - BUCKET + 1) / REFILL_PER_SECOND, false, 0));
        }
        int busy = 0;
        int finished = 0;
        int failed = 0;
        double last = 0;
        while (!events.isEmpty()) {
            Event event = events.poll();
            if (event.finish()) {
                busy--;
                finished++;
                last = event.time();
            } else if (busy < slots) {
                busy++;
                events.add(new Event(event.time() + seconds * (0.8 + 0.4 * random.nextDouble()), true, event.retries()));
            } else if (event.retries() >= MAX_RETRIES) {
                failed++;
            } else {
                double delay = Math.min(INTERVAL * Math.pow(BACKOFF, event.retries()), MAX_DELAY);
                events.add(new Event(event.time() + random.nextDouble() * delay, false, event.retries() + 1));
            }
        }
        System.out.printf("%d uploads, %d reserved, %.1f s a run: %d finished, %d failed, the last after %.0f s%n",
                uploads, slots, seconds, finished, failed, last);
    }
}

package dev.pixelstep.asl.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetrierTest {

    @Test
    void delayIsIntervalTimesBackoffToThePowerOfTheRetryIndex() {
        Retrier retrier = new Retrier(List.of("E"), 2, 5, 3.0, null, JitterStrategy.NONE);
        assertEquals(Duration.ofSeconds(2), retrier.delay(0, new Random()));
        assertEquals(Duration.ofSeconds(6), retrier.delay(1, new Random()));
        assertEquals(Duration.ofSeconds(18), retrier.delay(2, new Random()));
    }

    @Test
    void fullJitterIsTheSeededUniformFractionOfTheCappedDelay() {
        Retrier retrier = new Retrier(List.of("E"), 10, 5, 3.0, 40, JitterStrategy.FULL);
        Random expected = new Random(7);
        Random used = new Random(7);
        for (int i = 0; i < 4; i++) {
            double cap = Math.min(10 * Math.pow(3, i), 40);
            assertEquals(Duration.ofMillis(Math.round(expected.nextDouble() * cap * 1000)), retrier.delay(i, used));
        }
    }

    @Test
    void delaysNeverExceedMaxDelaySecondsAndNeverGoNegative() {
        qt().forAll(integers().between(1, 1000), doubles().between(1.0, 10.0), integers().between(1, 5000),
                        integers().between(0, 50))
                .checkAssert((interval, backoff, maxDelay, index) -> {
                    for (JitterStrategy jitter : JitterStrategy.values()) {
                        Duration delay = new Retrier(List.of("E"), interval, 3, backoff, maxDelay, jitter)
                                .delay(index, new Random(index));
                        assertEquals(true, !delay.isNegative() && delay.toMillis() <= maxDelay * 1000L,
                                () -> delay + " for interval " + interval + " backoff " + backoff);
                    }
                });
    }

    @Test
    void withoutJitterDelaysGrowMonotonically() {
        qt().forAll(integers().between(1, 100), doubles().between(1.0, 4.0), longs().between(0, 30))
                .checkAssert((interval, backoff, index) -> {
                    Retrier retrier = new Retrier(List.of("E"), interval, 3, backoff, null, JitterStrategy.NONE);
                    int i = index.intValue();
                    assertEquals(true, retrier.delay(i, new Random()).compareTo(retrier.delay(i + 1, new Random())) <= 0);
                });
    }
}

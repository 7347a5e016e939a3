package dev.pixelstep.testkit;

import dev.pixelstep.testkit.fixtures.RadiusHoardingForTests;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/** The contract fails for operations that break it, naming what broke. */
class ContractCatchesBrokenOperationsTest {

    /** Runs the contract on the mutating fixture; not picked up by Surefire on its own. */
    static class MutatingContractCase extends ImageOperationContract {
        @Override
        protected String operationName() {
            return "test-mutating";
        }
    }

    /** Runs the contract on the fixture that returns its input. */
    static class SharingContractCase extends ImageOperationContract {
        @Override
        protected String operationName() {
            return "test-sharing";
        }
    }

    /** Runs the contract on the fixture that declares less memory than it uses. */
    static class HoardingContractCase extends ImageOperationContract {
        @Override
        protected String operationName() {
            return "test-hoarding";
        }
    }

    /** Runs the contract on the fixture that hoards for radii above 4 but not at its largest, with many examples (25 in the allocation property). */
    static class RadiusHoardingContractCase extends ImageOperationContract {
        @Override
        protected String operationName() {
            return "test-radius-hoarding";
        }

        @Override
        protected int examples() {
            return 200; // so that some random radius surely falls above 4 (edges are drawn half of the time, and pass)
        }
    }

    /** Runs the contract for a name nobody registered. */
    static class MissingContractCase extends ImageOperationContract {
        @Override
        protected String operationName() {
            return "no-such-operation";
        }
    }

    @Test
    void anOperationThatWritesIntoItsInputFails() {
        Events events = run(MutatingContractCase.class, "neverMutatesItsInput");
        assertEquals(1, events.failed().count());
        String message = events.failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow().getMessage();
        assertContains(message, "the input was modified");
        assertContains(message, "seed="); // the failing image is described so that it can be rebuilt
    }

    @Test
    void anOperationThatReturnsItsInputFails() {
        Events events = run(SharingContractCase.class, "returnsANewImageOfTheDeclaredSizeAndType");
        assertEquals(1, events.failed().count());
        assertContains(failure(events), "apply must return a new image");
    }

    @Test
    void anOperationThatUsesMoreMemoryThanItsCostDeclaresFails() {
        Events events = run(HoardingContractCase.class, "allocatesNoMoreHeapThanItsCostDeclares");
        assertEquals(1, events.failed().count());
        assertContains(failure(events), "but declares 4.0 bytes per output pixel");
        assertEquals(1, run(HoardingContractCase.class, "declaresACostThatCountsAtLeastItsResult").succeeded().count());
    }

    @Test
    void aFailingAllocationPropertyIsReportedAfterAFewApplicationsInsteadOfShrinkingForMinutes() {
        // a blur that allocated more than it declared above radius 4 was shrunk for over 15 minutes before the failure showed;
        // this fixture, shrunk as QuickTheories does by default, took 175,268 applications (377 s) to be reported
        RadiusHoardingForTests.APPLICATIONS.set(0);
        Events events = run(RadiusHoardingContractCase.class, "allocatesNoMoreHeapThanItsCostDeclares");
        assertEquals(1, events.failed().count());
        assertContains(failure(events), "applied with test-radius-hoarding(radius=");
        assertContains(failure(events), "but declares 8.0 bytes per output pixel");
        int fixedCases = 3; // the default radius and the two edges, which do not hoard
        int examples = 200 / 8 + ImageOperationContract.ALLOCATION_SHRINK_CYCLES + 1; // at worst the last example fails; the shrunk case is checked once more
        int applications = RadiusHoardingForTests.APPLICATIONS.get();
        assertTrue(applications > 2 * fixedCases, "the fixed cases ran first: " + applications);
        assertTrue(applications <= 2 * (fixedCases + examples), applications + " applications: shrinking is bounded");
    }

    @Test
    void anUnregisteredNameFails() {
        Events events = run(MissingContractCase.class, "isFoundByServiceLoaderUnderItsName");
        assertEquals(1, events.failed().count());
        assertContains(failure(events), "no operation named 'no-such-operation'");
    }

    private static Events run(Class<?> testClass, String method) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(testClass, method))
                .execute()
                .testEvents();
    }

    private static String failure(Events events) {
        return events.failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow().getMessage();
    }

    private static void assertContains(String message, String part) {
        if (message == null || !message.contains(part)) {
            throw new AssertionError("expected the message to contain '" + part + "' but it was: " + message);
        }
    }
}

package dev.pixelstep.testkit;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

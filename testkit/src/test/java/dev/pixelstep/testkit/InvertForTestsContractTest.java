package dev.pixelstep.testkit;

/** The contract holds for a correct operation. */
class InvertForTestsContractTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "test-invert";
    }
}

package dev.pixelstep.cdk;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * cdk-nag's AwsSolutions and Serverless packs on the app as cdk.json synthesises it: no
 * unsuppressed error, no unsuppressed warning, and every suppression the construct makes carries
 * a reason.
 */
class CdkNagTest {

    @Test
    void theAwsSolutionsAndServerlessPacksFindNoUnsuppressedError() {
        List<SynthesisMessage> errors = Annotations.fromStack(Synthesized.defaults().stack).findError("*", Match.stringLikeRegexp(".*"));
        assertEquals("", describe(errors));
    }

    @Test
    void theAwsSolutionsAndServerlessPacksFindNoUnsuppressedWarning() {
        List<SynthesisMessage> warnings = Annotations.fromStack(Synthesized.defaults().stack)
                .findWarning("*", Match.stringLikeRegexp("(AwsSolutions|Serverless)-.*"));
        assertEquals("", describe(warnings));
    }

    private static String describe(List<SynthesisMessage> messages) {
        return messages.stream().map(m -> m.getId() + ": " + m.getEntry().getData()).collect(Collectors.joining("\n"));
    }
}

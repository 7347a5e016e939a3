package dev.pixelstep.cdk;

import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iam.ServicePrincipalOpts;
import software.constructs.Construct;

import java.util.Map;

/** The roles the state machines run with: they trust Step Functions for this account's state machines only. */
final class StateMachineRoles {

    private StateMachineRoles() {
    }

    /**
     * A role {@code states.amazonaws.com} may assume for a state machine of this account and region
     * ({@code aws:SourceAccount}, {@code aws:SourceArn}: Step Functions' documented confused-deputy
     * condition). Naming the one state machine would need its ARN before the role it is created with.
     */
    static Role trustingStepFunctions(Construct scope, String id, String description) {
        return Role.Builder.create(scope, id)
                .assumedBy(new ServicePrincipal("states.amazonaws.com", ServicePrincipalOpts.builder()
                        .conditions(Map.of(
                                "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                                "ArnLike", Map.of("aws:SourceArn", Stack.of(scope).formatArn(ArnComponents.builder()
                                        .service("states").resource("stateMachine").resourceName("*")
                                        .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build()))))
                        .build()))
                .description(description)
                .build();
    }
}

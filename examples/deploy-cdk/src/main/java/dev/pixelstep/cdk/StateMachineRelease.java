package dev.pixelstep.cdk;

import software.amazon.awscdk.services.stepfunctions.CfnStateMachineAlias;
import software.amazon.awscdk.services.stepfunctions.CfnStateMachineVersion;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

import java.util.List;

/**
 * A published version of a state machine's current revision and an alias that sends every
 * execution to it. The version is keyed on {@code StateMachineRevisionId}, so every change of the
 * definition publishes a new version and moves the alias.
 *
 * @param version the published version
 * @param alias   the alias routing 100% of executions to {@code version}
 */
record StateMachineRelease(CfnStateMachineVersion version, CfnStateMachineAlias alias) {

    /**
     * Defines {@code <idPrefix>Version} and {@code <idPrefix>Alias} in {@code scope}.
     *
     * @param aliasName          the alias's name, e.g. {@code live}
     * @param versionDescription what the version holds
     * @param aliasDescription   who starts the alias
     */
    static StateMachineRelease of(Construct scope, String idPrefix, StateMachine stateMachine, String aliasName,
                                  String versionDescription, String aliasDescription) {
        CfnStateMachineVersion version = CfnStateMachineVersion.Builder.create(scope, idPrefix + "Version")
                .stateMachineArn(stateMachine.getStateMachineArn())
                .stateMachineRevisionId(stateMachine.getStateMachineRevisionId())
                .description(versionDescription)
                .build();
        CfnStateMachineAlias alias = CfnStateMachineAlias.Builder.create(scope, idPrefix + "Alias")
                .name(aliasName)
                .description(aliasDescription)
                .routingConfiguration(List.of(CfnStateMachineAlias.RoutingConfigurationVersionProperty.builder()
                        .stateMachineVersionArn(version.getAttrArn())
                        .weight(100)
                        .build()))
                .build();
        return new StateMachineRelease(version, alias);
    }
}

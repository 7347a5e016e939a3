package dev.pixelstep.cdk;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The Allow statements of a template's IAM policies, per role, with intrinsics resolved. */
final class IamGrants {

    /** Actions that IAM cannot scope to a resource: Step Functions log delivery and X-Ray. */
    static final Set<String> UNSCOPABLE_ACTIONS = Set.of(
            "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
            "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets");

    private IamGrants() {
    }

    /** Every action granted to {@code roleId} with the resources it is granted on. */
    static Map<String, Set<String>> of(Synthesized synth, String roleId) {
        Map<String, Set<String>> grants = new TreeMap<>();
        for (String policyId : synth.ids("AWS::IAM::Policy")) {
            JsonNode policy = synth.properties(policyId);
            boolean attached = false;
            for (JsonNode role : policy.path("Roles")) {
                attached |= role.path("Ref").asText().equals(roleId);
            }
            if (attached) {
                for (JsonNode statement : allowStatements(policy.path("PolicyDocument"))) {
                    for (String action : strings(statement.path("Action"))) {
                        grants.computeIfAbsent(action, a -> new TreeSet<>()).addAll(strings(CloudFormationText.resolve(statement.path("Resource"))));
                    }
                }
            }
        }
        return grants;
    }

    /** The Allow statements of the identity policies attached to {@code roleId}, intrinsics resolved. */
    static List<JsonNode> statementsOf(Synthesized synth, String roleId) {
        List<JsonNode> statements = new ArrayList<>();
        for (String policyId : synth.ids("AWS::IAM::Policy")) {
            JsonNode policy = synth.properties(policyId);
            for (JsonNode role : policy.path("Roles")) {
                if (role.path("Ref").asText().equals(roleId)) {
                    allowStatements(policy.path("PolicyDocument")).forEach(s -> statements.add(CloudFormationText.resolve(s)));
                }
            }
        }
        return statements;
    }

    /** Every Allow statement of every IAM policy, inline role policy and resource policy of the template. */
    static List<JsonNode> allAllowStatements(Synthesized synth) {
        List<JsonNode> statements = new ArrayList<>();
        synth.json.path("Resources").forEach(resource -> {
            JsonNode properties = resource.path("Properties");
            statements.addAll(allowStatements(properties.path("PolicyDocument")));
            properties.path("Policies").forEach(p -> statements.addAll(allowStatements(p.path("PolicyDocument"))));
        });
        return statements;
    }

    static List<JsonNode> allowStatements(JsonNode document) {
        List<JsonNode> statements = new ArrayList<>();
        document.path("Statement").forEach(s -> {
            if (s.path("Effect").asText().equals("Allow")) {
                statements.add(s);
            }
        });
        return statements;
    }

    static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }
}

package dev.pixelstep.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.pixelstep.cdk.CloudFormationText.getAtt;
import static dev.pixelstep.cdk.CloudFormationText.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alarms and the dashboard of the default stack: one alarm per way an upload can fail to become a SUCCEEDED manifest. */
class MonitoringTest {

    private static Synthesized synth;
    private static Map<String, JsonNode> alarms;

    @BeforeAll
    static void synthesise() {
        synth = Synthesized.defaults();
        alarms = new HashMap<>();
        for (String id : synth.ids("AWS::CloudWatch::Alarm")) {
            JsonNode alarm = CloudFormationText.resolve(synth.properties(id));
            alarms.put(alarm.path("Namespace").asText() + " " + alarm.path("MetricName").asText() + " " + alarm.path("Dimensions").get(0).path("Value").asText(), alarm);
        }
    }

    @Test
    void everyFailureOfTheDeliveryChainHasAnAlarmAtTheFirstOccurrence() {
        String queueName = getAtt(synth.onlyId("AWS::SQS::Queue"), "QueueName");
        String ruleName = ref(synth.onlyId("AWS::Events::Rule"));
        String stateMachine = ref(synth.id("AWS::StepFunctions::StateMachine", "PipelineStateMachine"));
        for (String key : List.of(
                "AWS/SQS ApproximateNumberOfMessagesVisible " + queueName,
                "AWS/Events FailedInvocations " + ruleName,
                "AWS/Events InvocationsFailedToBeSentToDlq " + ruleName,
                "AWS/States ExecutionsFailed " + stateMachine,
                "AWS/States ExecutionsTimedOut " + stateMachine,
                "AWS/States ExecutionThrottled " + stateMachine)) {
            JsonNode alarm = alarm(key);
            assertEquals(1, alarm.path("Threshold").asDouble(), key);
            assertEquals(1, alarm.path("EvaluationPeriods").asInt(), key);
            assertEquals(300, alarm.path("Period").asInt(), key);
            assertEquals("GreaterThanOrEqualToThreshold", alarm.path("ComparisonOperator").asText(), key);
            assertEquals("notBreaching", alarm.path("TreatMissingData").asText(), key);
        }
        assertEquals("Maximum", alarm("AWS/SQS ApproximateNumberOfMessagesVisible " + queueName).path("Statistic").asText());
    }

    @Test
    void eachFunctionHasErrorSustainedThrottleAndNearTimeoutAlarms() {
        for (String[] function : List.of(new String[] {"PipelineProcessor", "300"}, new String[] {"PipelineAnalyser", "120"})) {
            String name = ref(synth.id("AWS::Lambda::Function", function[0]));
            assertEquals(1, alarm("AWS/Lambda Errors " + name).path("Threshold").asDouble());
            JsonNode throttles = alarm("AWS/Lambda Throttles " + name);
            assertEquals(3, throttles.path("EvaluationPeriods").asInt(), "15 minutes: throttling within a burst is retried");
            assertEquals(3, throttles.path("DatapointsToAlarm").asInt());
            JsonNode duration = alarm("AWS/Lambda Duration " + name);
            assertEquals("Maximum", duration.path("Statistic").asText());
            assertEquals(Integer.parseInt(function[1]) * 1000 * PipelineDefaults.DURATION_ALARM_SHARE_OF_TIMEOUT, duration.path("Threshold").asDouble());
        }
        assertEquals(12, alarms.size(), alarms.keySet().toString());
    }

    @Test
    void withoutATopicOrAnEmailTheAlarmsNotifyNobody() {
        alarms.values().forEach(alarm -> assertTrue(alarm.path("AlarmActions").isMissingNode(), alarm.toString()));
        synth.template.resourceCountIs("AWS::SNS::Topic", 0);
        assertTrue(synth.json.at("/Outputs/AlarmTopicArn").isMissingNode());
    }

    @Test
    void theDashboardShowsEveryAlarmAndIsAnOutput() {
        String dashboard = synth.onlyId("AWS::CloudWatch::Dashboard");
        String body = CloudFormationText.text(synth.properties(dashboard).path("DashboardBody"));
        for (String alarm : synth.ids("AWS::CloudWatch::Alarm")) {
            assertTrue(body.contains(getAtt(alarm, "Arn")), alarm + " on the dashboard");
        }
        for (String metric : List.of("ApproximateNumberOfMessagesVisible", "FailedInvocations", "ExecutionsStarted", "ExecutionsSucceeded",
                "ExecutionsFailed", "ExecutionsTimedOut", "ExecutionThrottled", "Errors", "Throttles", "Duration")) {
            assertTrue(body.contains("\"" + metric + "\""), metric + " graphed");
        }
        assertEquals(ref(dashboard), CloudFormationText.text(synth.json.at("/Outputs/DashboardName/Value")));
    }

    private static JsonNode alarm(String key) {
        JsonNode alarm = alarms.get(key);
        assertNotNull(alarm, "an alarm on " + key + "; alarms: " + alarms.keySet());
        return alarm;
    }
}

package dev.pixelstep.cdk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.statemachine.PipelineDefinition;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.Machine;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule's pattern, matched by event-ruler (the matcher EventBridge runs) against S3 "Object
 * Created" events in the shape S3 sends to EventBridge: every non-empty upload of the input bucket
 * starts a run, zero-byte objects (the console's "folders") and other buckets do not, and a key
 * prefix narrows it.
 */
class EventPatternTest {

    private static final PipelineDefinition DEFINITION = PipelineDefinition.load();

    @Test
    void everyNonEmptyObjectOfTheInputBucketMatches() throws Exception {
        Machine rule = rule("");
        assertTrue(matches(rule, event("pixelstep-input", "photo.jpg", 2_481_337)));
        assertTrue(matches(rule, event("pixelstep-input", "albums/2026/holiday photo.jpg", 1)));
        assertTrue(matches(rule, event("pixelstep-input", "odd-key-ending-in-a-slash/", 5)), "a non-empty object is processed whatever its key");
    }

    @Test
    void zeroByteFoldersAndEmptyObjectsDoNotMatch() throws Exception {
        Machine rule = rule("");
        assertFalse(matches(rule, event("pixelstep-input", "albums/", 0)), "the S3 console's 'Create folder'");
        assertFalse(matches(rule, event("pixelstep-input", "empty.jpg", 0)));
    }

    @Test
    void otherBucketsAndOtherEventsDoNotMatch() throws Exception {
        Machine rule = rule("");
        assertFalse(matches(rule, event("pixelstep-output", "photo.jpg/combined.jpg", 100)), "the output bucket, a trigger loop");
        ObjectNode deleted = event("pixelstep-input", "photo.jpg", 100);
        deleted.put("detail-type", "Object Deleted");
        assertFalse(matches(rule, deleted));
    }

    @Test
    void aKeyPrefixNarrowsTheMatchAndKeepsTheSizeCondition() throws Exception {
        Machine rule = rule("uploads/");
        assertTrue(matches(rule, event("pixelstep-input", "uploads/photo.jpg", 100)));
        assertFalse(matches(rule, event("pixelstep-input", "elsewhere/photo.jpg", 100)));
        assertFalse(matches(rule, event("pixelstep-input", "uploads/", 0)));
        assertFalse(matches(rule, event("pixelstep-input", "uploads/empty.jpg", 0)));
    }

    @Test
    void theSynthesisedRuleHasThisPattern() {
        Synthesized synth = Synthesized.defaults();
        String bucket = CloudFormationText.ref(synth.id("AWS::S3::Bucket", "PipelineInputBucket"));
        assertEquals(Synthesized.JSON.valueToTree(ObjectCreatedPattern.json(DEFINITION, bucket, "")),
                CloudFormationText.resolve(synth.properties(synth.onlyId("AWS::Events::Rule")).path("EventPattern")));
    }

    private static Machine rule(String keyPrefix) throws Exception {
        Machine machine = new Machine();
        machine.addRule("pixelstep", Synthesized.JSON.writeValueAsString(ObjectCreatedPattern.json(DEFINITION, "pixelstep-input", keyPrefix)));
        return machine;
    }

    private static boolean matches(Machine rule, ObjectNode event) throws Exception {
        List<String> rules = rule.rulesForJSONEvent(Synthesized.JSON.writeValueAsString(event));
        return rules.contains("pixelstep");
    }

    /** An S3 "Object Created" event as S3 sends it to EventBridge (Amazon S3 user guide, "EventBridge event message structure"). */
    private static ObjectNode event(String bucket, String key, long size) {
        ObjectNode event = Synthesized.JSON.createObjectNode()
                .put("version", "0").put("id", "2ee9cc15-d022-99ea-1fb8-1b1bac4850f9")
                .put("detail-type", "Object Created").put("source", "aws.s3")
                .put("account", "123456789012").put("time", "2026-01-01T12:00:00Z").put("region", "eu-west-1");
        event.putArray("resources").add("arn:aws:s3:::" + bucket);
        ObjectNode detail = event.putObject("detail").put("version", "0");
        detail.putObject("bucket").put("name", bucket);
        detail.putObject("object").put("key", key).put("size", size).put("etag", "d41d8cd98f00b204e9800998ecf8427e")
                .put("version-id", "IYV3p45BT0ac8hjHg1houSdS1a.Mro8e").put("sequencer", "00617F08299329D189");
        detail.put("request-id", "N4N7GDK58NMKJ12R").put("requester", "123456789012")
                .put("source-ip-address", "1.2.3.4").put("reason", "PutObject");
        return event;
    }
}

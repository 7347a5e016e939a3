package dev.pixelstep.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.local.storage.ObjectCreated;
import dev.pixelstep.statemachine.PipelineDefinition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObjectCreatedEventTest {

    private final ObjectCreatedEvent events = new ObjectCreatedEvent("000000000000", "us-east-1");
    private final ObjectCreated object = new ObjectCreated("pixelstep-input", "a b/c+d.jpg", 1234, "0123abcd", "PutObject",
            Instant.parse("2026-11-25T10:15:30.123Z"));

    @Test
    void hasExactlyTheFieldsAwsSends() {
        JsonNode event = events.of(object, 7);
        List<String> top = List.copyOf(iterable(event.fieldNames()));
        assertEquals(List.of("version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"), top);
        assertEquals("Object Created", event.path("detail-type").asText());
        assertEquals("aws.s3", event.path("source").asText());
        assertEquals("2026-11-25T10:15:30Z", event.path("time").asText());
        assertEquals("arn:aws:s3:::pixelstep-input", event.path("resources").get(0).asText());
        JsonNode detail = event.path("detail");
        assertEquals(List.of("version", "bucket", "object", "request-id", "requester", "source-ip-address", "reason"),
                List.copyOf(iterable(detail.fieldNames())));
        assertEquals("a b/c+d.jpg", detail.at("/object/key").asText());
        assertEquals(1234, detail.at("/object/size").asLong());
        assertEquals("0123abcd", detail.at("/object/etag").asText());
        assertEquals("0000000000000007", detail.at("/object/sequencer").asText());
        assertEquals("PutObject", detail.path("reason").asText());
    }

    @Test
    void thePublishedRulePatternMatchesOnlyTheInputBucket() {
        EventRule rule = new EventRule("pixelstep", PipelineDefinition.load().eventPattern("pixelstep-input"));
        assertTrue(rule.matches(events.of(object, 1).toString()));
        ObjectCreated elsewhere = new ObjectCreated("pixelstep-output", "k", 1, "e", "PutObject", Instant.now());
        assertFalse(rule.matches(events.of(elsewhere, 2).toString()));
        assertFalse(rule.matches(events.of(object, 3).put("detail-type", "Object Deleted").toString()));
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}

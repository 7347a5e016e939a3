package dev.pixelstep.local.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.local.storage.ObjectCreated;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * Builds the EventBridge event S3 sends for a created object, in exactly AWS's shape
 * (version, id, detail-type, source, account, time, region, resources, detail).
 */
public final class ObjectCreatedEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String account;
    private final String region;

    /**
     * @param account the account id to report, e.g. {@code 000000000000}
     * @param region  the region to report, e.g. {@code us-east-1}
     */
    public ObjectCreatedEvent(String account, String region) {
        this.account = account;
        this.region = region;
    }

    /**
     * The event for {@code object}, carrying the object's sequencer. Its id and request id are
     * derived from bucket, key and sequencer, so the same PUT always gives the same event, as
     * EventBridge keeps an event's id when it delivers it again.
     */
    public ObjectNode of(ObjectCreated object) {
        if (object.sequencer() == null) {
            throw new IllegalArgumentException("an object without a sequencer: " + object.key());
        }
        return build(object, object.sequencer());
    }

    /** The event for {@code object} with {@code sequence} as its sequencer (for objects described without one). */
    public ObjectNode of(ObjectCreated object, long sequence) {
        return build(object, String.format("%016X", sequence));
    }

    private ObjectNode build(ObjectCreated object, String sequencer) {
        UUID id = UUID.nameUUIDFromBytes((object.bucket() + "\n" + object.key() + "\n" + sequencer)
                .getBytes(StandardCharsets.UTF_8));
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", id.toString());
        event.put("detail-type", "Object Created");
        event.put("source", "aws.s3");
        event.put("account", account);
        event.put("time", DateTimeFormatter.ISO_INSTANT.format(object.time().truncatedTo(ChronoUnit.SECONDS)));
        event.put("region", region);
        event.putArray("resources").add("arn:aws:s3:::" + object.bucket());
        ObjectNode detail = event.putObject("detail");
        detail.put("version", "0");
        detail.putObject("bucket").put("name", object.bucket());
        ObjectNode obj = detail.putObject("object");
        obj.put("key", object.key());
        obj.put("size", object.size());
        obj.put("etag", object.etag());
        obj.put("sequencer", sequencer);
        detail.put("request-id", id.toString().replace("-", "").substring(16).toUpperCase(Locale.ROOT));
        detail.put("requester", account);
        detail.put("source-ip-address", "127.0.0.1");
        detail.put("reason", object.reason());
        return event;
    }
}

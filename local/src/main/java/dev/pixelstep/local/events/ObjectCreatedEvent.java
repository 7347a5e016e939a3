package dev.pixelstep.local.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.local.storage.ObjectCreated;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
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

    /** The event for {@code object}; {@code sequence} orders events of the same key. */
    public ObjectNode of(ObjectCreated object, long sequence) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
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
        obj.put("sequencer", String.format("%016X", sequence));
        detail.put("request-id", HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(), 0, 8).toUpperCase());
        detail.put("requester", account);
        detail.put("source-ip-address", "127.0.0.1");
        detail.put("reason", object.reason());
        return event;
    }
}

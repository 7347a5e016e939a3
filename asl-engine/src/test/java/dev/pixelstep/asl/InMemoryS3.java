package dev.pixelstep.asl;

import dev.pixelstep.asl.s3.S3Port;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's S3 port over maps, for the engine's own tests (the local runtime's tests run it over a real S3
 * server). Lists in pages of {@code pageSize} keys, and refuses buckets it does not have, like S3.
 */
final class InMemoryS3 implements S3Port {

    private final Map<String, NavigableMap<String, byte[]>> buckets = new ConcurrentHashMap<>();
    private final int pageSize;
    final AtomicInteger listCalls = new AtomicInteger();
    volatile boolean refuseWrites;

    InMemoryS3(int pageSize) {
        this.pageSize = pageSize;
    }

    InMemoryS3 bucket(String name) {
        buckets.putIfAbsent(name, new ConcurrentSkipListMap<>());
        return this;
    }

    InMemoryS3 object(String bucket, String key, String body) {
        bucket(bucket);
        buckets.get(bucket).put(key, body.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    String text(String bucket, String key) {
        byte[] body = objects(bucket).get(key);
        if (body == null) {
            throw new AssertionError("no object s3://" + bucket + "/" + key + "; there are " + objects(bucket).keySet());
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    NavigableMap<String, byte[]> objects(String bucket) {
        NavigableMap<String, byte[]> objects = buckets.get(bucket);
        if (objects == null) {
            throw new IllegalArgumentException("NoSuchBucket: The specified bucket does not exist: " + bucket);
        }
        return objects;
    }

    @Override
    public Page list(String bucket, String prefix, String continuationToken) {
        listCalls.incrementAndGet();
        List<ObjectSummary> page = new ArrayList<>();
        String after = continuationToken;
        String last = null;
        for (Map.Entry<String, byte[]> e : (after == null ? objects(bucket) : objects(bucket).tailMap(after, false)).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            if (page.size() == pageSize) {
                return new Page(page, last);
            }
            page.add(new ObjectSummary(e.getKey(), e.getValue().length, "\"etag-" + e.getKey() + "\"",
                    Instant.parse("2026-01-01T00:00:00Z"), "STANDARD"));
            last = e.getKey();
        }
        return new Page(page, null);
    }

    @Override
    public byte[] get(String bucket, String key) {
        byte[] body = objects(bucket).get(key);
        if (body == null) {
            throw new IllegalArgumentException("NoSuchKey: The specified key does not exist: " + key);
        }
        return body;
    }

    @Override
    public void put(String bucket, String key, byte[] body, String contentType) {
        if (refuseWrites) {
            throw new IllegalStateException("AccessDenied: writes are refused");
        }
        objects(bucket).put(key, body.clone());
    }
}

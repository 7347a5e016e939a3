package dev.pixelstep.functions.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Fresh bucket names, so tests sharing one S3Proxy never see each other's objects. */
public final class Buckets {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Buckets() {
    }

    /** A new, unused bucket name starting with {@code prefix}. */
    public static String fresh(String prefix) {
        return prefix + "-" + NEXT.incrementAndGet();
    }
}

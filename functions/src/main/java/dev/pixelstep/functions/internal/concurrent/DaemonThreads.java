package dev.pixelstep.functions.internal.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named {@code pixelstep-<role>-<n>}, so that a request's pool never keeps the JVM alive. */
public final class DaemonThreads {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private DaemonThreads() {
    }

    /** A factory of daemon threads named after {@code role} ({@code worker}, {@code upload}, {@code write}). */
    public static ThreadFactory named(String role) {
        return runnable -> {
            Thread t = new Thread(runnable, "pixelstep-" + role + "-" + COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

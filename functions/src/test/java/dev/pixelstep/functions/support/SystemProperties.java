package dev.pixelstep.functions.support;

import java.util.HashMap;
import java.util.Map;

/** Sets system properties for the length of a try block and puts the previous values back on close. */
public final class SystemProperties implements AutoCloseable {

    private final Map<String, String> previous = new HashMap<>();

    private SystemProperties(Map<String, String> values) {
        values.forEach((name, value) -> {
            previous.put(name, System.getProperty(name));
            System.setProperty(name, value);
        });
    }

    /** Sets {@code values} until {@link #close()}. */
    public static SystemProperties set(Map<String, String> values) {
        return new SystemProperties(values);
    }

    @Override
    public void close() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}

package dev.pixelstep.functions.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where configuration values come from. The {@linkplain #system() system source} reads a JVM
 * system property first and falls back to the environment variable of the same name: Lambda sets
 * environment variables, while the local runtime hosts several functions in one JVM and can only
 * set system properties. Blank values count as absent.
 */
public final class SettingSource {

    private final Function<String, String> properties;
    private final Function<String, String> environment;

    private SettingSource(Function<String, String> properties, Function<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** System properties, then environment variables. */
    public static SettingSource system() {
        return new SettingSource(System::getProperty, System::getenv);
    }

    /** Exactly the given values (for tests and embedding). */
    public static SettingSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new SettingSource(copy::get, name -> null);
    }

    /** The value of {@code name}, if set and not blank. */
    public Optional<String> get(String name) {
        String value = properties.apply(name);
        if (value == null || value.isBlank()) {
            value = environment.apply(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}

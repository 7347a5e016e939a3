package dev.pixelstep.local.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line arguments: positionals and {@code --name value} / {@code --name=value} options, some
 * of which may repeat. Unknown options are refused with the list of known ones.
 */
final class Arguments {

    private final List<String> positionals = new ArrayList<>();
    private final Map<String, List<String>> options = new LinkedHashMap<>();

    private Arguments() {
    }

    /**
     * @param known the option names this command accepts (without dashes)
     * @param flags the options among them that take no value
     * @throws UsageException for an unknown option or a missing value
     */
    static Arguments parse(List<String> args, Set<String> known, Set<String> flags) {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                parsed.positionals.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name + "; options: --" + String.join(", --", known));
            }
            if (flags.contains(name)) {
                value = value == null ? "true" : value;
            } else if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = args.get(++i);
            }
            parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return parsed;
    }

    List<String> positionals() {
        return positionals;
    }

    String get(String name, String fallback) {
        List<String> values = options.get(name);
        return values == null ? fallback : values.get(values.size() - 1);
    }

    int getInt(String name, int fallback, int min, int max) {
        String text = get(name, null);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                throw new UsageException("--" + name + " must be from " + min + " to " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + text + "'");
        }
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(get(name, "false"));
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }
}

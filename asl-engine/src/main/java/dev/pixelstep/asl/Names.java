package dev.pixelstep.asl;

import java.util.regex.Pattern;

/** The naming rules Step Functions applies to state machine and execution names. */
final class Names {

    private static final Pattern FORBIDDEN = Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]");

    private Names() {
    }

    static String check(String kind, String name) {
        if (name == null || name.isEmpty() || name.length() > 80) {
            throw new IllegalArgumentException(kind + " name must be 1 to 80 characters long: '" + name + "'");
        }
        if (FORBIDDEN.matcher(name).find()) {
            throw new IllegalArgumentException(kind + " name '" + name + "' contains a character Step Functions does"
                    + " not allow (whitespace, brackets, wildcards, \" # % \\ ^ | ~ ` $ & , ; : / or control characters)");
        }
        return name;
    }
}

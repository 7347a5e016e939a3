package dev.pixelstep.local.events;

import software.amazon.event.ruler.Machine;

/**
 * An EventBridge rule evaluated by AWS's own matcher (event-ruler) against the pattern file the AWS
 * deployment uses.
 */
public final class EventRule {

    private final String name;
    private final Machine machine = new Machine();

    /**
     * @param name    the rule's name
     * @param pattern an EventBridge event pattern (JSON)
     * @throws IllegalArgumentException if the pattern is not valid
     */
    public EventRule(String name, String pattern) {
        this.name = name;
        try {
            machine.addRule(name, pattern);
        } catch (Exception e) {
            throw new IllegalArgumentException("invalid event pattern for rule " + name + ": " + e.getMessage(), e);
        }
    }

    /** Whether the event (JSON) matches the pattern. */
    public boolean matches(String eventJson) {
        try {
            return machine.rulesForJSONEvent(eventJson).contains(name);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a valid event: " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }
}

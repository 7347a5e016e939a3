package dev.pixelstep.asl.definition;

import java.util.LinkedHashMap;
import java.util.Map;

/** The states a state can go to, each with the JSON pointer (relative to the state) of the field naming it. */
final class Transitions {

    private Transitions() {
    }

    static Map<String, String> targets(State state) {
        Map<String, String> targets = new LinkedHashMap<>();
        if (state instanceof PassState s) {
            next(targets, s.transition());
        } else if (state instanceof WaitState s) {
            next(targets, s.transition());
        } else if (state instanceof TaskState s) {
            next(targets, s.transition());
            catchers(targets, s.errorHandling());
        } else if (state instanceof ParallelState s) {
            next(targets, s.transition());
            catchers(targets, s.errorHandling());
        } else if (state instanceof MapState s) {
            next(targets, s.transition());
            catchers(targets, s.errorHandling());
        } else if (state instanceof ChoiceState s) {
            for (int i = 0; i < s.choices().size(); i++) {
                targets.put("/Choices/" + i + "/Next", s.choices().get(i).next());
            }
            if (s.defaultNext() != null) {
                targets.put("/Default", s.defaultNext());
            }
        }
        return targets;
    }

    private static void next(Map<String, String> targets, Transition transition) {
        if (transition != null && !transition.isEnd()) {
            targets.put("/Next", transition.next());
        }
    }

    private static void catchers(Map<String, String> targets, ErrorHandling handling) {
        for (int i = 0; i < handling.catchers().size(); i++) {
            targets.put("/Catch/" + i + "/Next", handling.catchers().get(i).next());
        }
    }
}

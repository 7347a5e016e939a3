package dev.pixelstep.asl.definition;

import dev.pixelstep.asl.internal.choice.ChoiceRule;
import java.util.List;

/**
 * A Choice state: goes to the Next of the first rule that matches, else to Default.
 *
 * @param name        the name
 * @param comment     the Comment, or null
 * @param choices     the top-level rules with their Next, in order
 * @param defaultNext Default, or null
 * @param inputPath   InputPath
 * @param outputPath  OutputPath
 */
public record ChoiceState(String name, String comment, List<Choice> choices, String defaultNext,
                          InputSelection inputPath, InputSelection outputPath) implements State {

    /** Copies the choices. */
    public ChoiceState {
        choices = List.copyOf(choices);
    }

    @Override
    public String type() {
        return "Choice";
    }

    /**
     * One element of Choices.
     *
     * @param rule the rule
     * @param next the state to go to when it matches
     */
    public record Choice(ChoiceRule rule, String next) {
    }
}

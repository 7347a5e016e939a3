package dev.pixelstep.asl.internal.choice;

import dev.pixelstep.asl.internal.expression.Scope;
import java.util.List;

/** A Choice rule: a data-test expression or a boolean combination of rules. */
public sealed interface ChoiceRule permits ChoiceRule.And, ChoiceRule.Or, ChoiceRule.Not, DataTest {

    /**
     * Evaluates the rule against the Choice state's effective input.
     *
     * @throws dev.pixelstep.asl.error.StatesFailure {@code States.Runtime} when a Variable (or a {@code ...Path}
     *                                               comparand) selects nothing
     */
    boolean matches(Scope scope);

    /**
     * And: every rule matches.
     *
     * @param rules the rules (at least one)
     */
    record And(List<ChoiceRule> rules) implements ChoiceRule {
        /** Copies the rules. */
        public And {
            rules = List.copyOf(rules);
        }

        @Override
        public boolean matches(Scope scope) {
            return rules.stream().allMatch(rule -> rule.matches(scope));
        }
    }

    /**
     * Or: at least one rule matches.
     *
     * @param rules the rules (at least one)
     */
    record Or(List<ChoiceRule> rules) implements ChoiceRule {
        /** Copies the rules. */
        public Or {
            rules = List.copyOf(rules);
        }

        @Override
        public boolean matches(Scope scope) {
            return rules.stream().anyMatch(rule -> rule.matches(scope));
        }
    }

    /**
     * Not: the rule does not match.
     *
     * @param rule the negated rule
     */
    record Not(ChoiceRule rule) implements ChoiceRule {
        @Override
        public boolean matches(Scope scope) {
            return !rule.matches(scope);
        }
    }
}

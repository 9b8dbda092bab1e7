package io.arbiter.policy;

import java.util.List;

/** What became of a rules reload ({@code POST /v1/rules/reload}, or a saved rule file). */
public sealed interface RuleReload {

    /**
     * The rules in force now.
     *
     * @param changed false when the files had the revision already in force (nothing was compiled)
     */
    record Reloaded(CompiledRules rules, boolean changed) implements RuleReload {
    }

    /** The files could not be used; {@code kept} (the rules in force before) stays in force. */
    record Failed(List<String> problems, CompiledRules kept) implements RuleReload {
        public Failed {
            problems = List.copyOf(problems);
        }
    }
}

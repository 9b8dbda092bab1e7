package io.arbiter.policy;

import io.arbiter.domain.ClientFactors;
import io.arbiter.domain.Factor;
import io.arbiter.domain.SlaTier;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Checks that compiled rules can score: rules may compile yet lack the rule that sums the factors,
 * or throw in a consequence. Such rules are refused like rules that do not compile.
 */
final class SampleScoring {

    private static final ClientFactors SAMPLE = new ClientFactors("sample-client", SlaTier.GOLD,
            Policy.Weights.FACTORS.stream().map(name -> new Factor(name, 0.5, 0.5)).toList(), 0);

    private SampleScoring() {
    }

    /** The problem, as {@code folder:1: message}, or none. */
    static List<String> problems(CompiledRules rules, PolicyDocument policy, Path rulesDir) {
        try {
            CvsScorer.score(rules, policy, List.of(SAMPLE), Instant.EPOCH);
            return List.of();
        } catch (RuleEvaluationException e) {
            return List.of(SourceNames.ofFolder(rulesDir) + ":1: the rules compiled but cannot score a client: "
                    + e.getMessage());
        }
    }
}

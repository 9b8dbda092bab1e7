package io.arbiter.policy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code bin/arbiter validate} checks: that every rule file compiles and can score a client,
 * and that the policy file is valid. Each problem is one line {@code file:line: message}, files named
 * by folder and name: {@code rules/cvs.drl:12: …}, {@code policies/default.yaml:7: weights.usage: …}
 * (line 1 when the line is not known).
 */
public final class PolicyValidation {

    private PolicyValidation() {
    }

    /** Every problem of the rules folder and the policy file; empty when both are valid. */
    public static List<String> validate(Path rulesDir, Path policyFile) {
        List<String> problems = new ArrayList<>();
        PolicyDocument policy = PolicyDocument.defaults();
        try {
            policy = PolicyLoader.load(policyFile);
        } catch (PolicyValidationException e) {
            String file = SourceNames.of(policyFile);
            e.errors().forEach(error -> problems.add(file + ":" + Math.max(1, error.line()) + ": " + error));
        }
        try {
            CompiledRules rules = new RuleCompiler(Clock.systemUTC()).compile(rulesDir);
            problems.addAll(0, SampleScoring.problems(rules, policy, rulesDir));
        } catch (RuleCompilationException e) {
            problems.addAll(0, e.problems());
        }
        return problems;
    }
}

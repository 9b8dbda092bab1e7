package io.arbiter.policy;

import java.util.List;

/**
 * The outcome of one scenario, or of a scenario file that could not be read ({@code scenario} null).
 *
 * @param file the file as the runner was given it, such as {@code policies/tests/cvs-tiers.yaml}
 * @param failures what differed from the expectations, or what was wrong; empty when it passed
 */
public record ScenarioResult(String file, String scenario, List<String> failures) {

    public ScenarioResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /** Each failure as {@code file: scenario name: what differed}. */
    public List<String> lines() {
        String prefix = scenario == null ? file + ": " : file + ": " + scenario + ": ";
        return failures.stream().map(f -> prefix + f).toList();
    }
}

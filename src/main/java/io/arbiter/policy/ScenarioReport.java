package io.arbiter.policy;

import java.util.List;

/** The outcomes of a folder of scenario files, for {@code bin/arbiter test}. */
public record ScenarioReport(List<ScenarioResult> results) {

    public ScenarioReport {
        results = List.copyOf(results);
    }

    public long passed() {
        return results.stream().filter(ScenarioResult::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }

    public boolean allPassed() {
        return failed() == 0;
    }

    /** Every failure, one line each: {@code file: scenario name: what differed}. */
    public List<String> failureLines() {
        return results.stream().flatMap(r -> r.lines().stream()).toList();
    }

    /** {@code N passed, N failed}. */
    public String summary() {
        return passed() + " passed, " + failed() + " failed";
    }
}

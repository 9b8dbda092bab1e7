package io.arbiter.policy;

import io.arbiter.arbitration.ScenarioJudge;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every scenario file of {@code policies/tests/} against {@code rules/} and {@code policies/default.yaml}. */
class PolicyScenariosTest {

    @Test
    void everyScenarioOfThePolicyTestsPasses() throws Exception {
        ScenarioRunner runner = new ScenarioRunner(Fixtures.projectRules(), PolicyLoader.load(Fixtures.POLICY),
                new ScoringFactors(), new ScenarioJudge());

        ScenarioReport report = runner.run(Path.of("policies/tests"));

        System.out.println("policy scenarios: " + report.summary());
        assertThat(report.failureLines()).isEmpty();
        assertThat(report.passed()).isGreaterThanOrEqualTo(17);
    }
}

package io.arbiter.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.arbiter.policy.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyValidationTest {

    @TempDir
    Path tmp;

    @Test
    void theProjectRulesAndPolicyAreValid() {
        assertThat(PolicyValidation.validate(Fixtures.RULES, Fixtures.POLICY)).isEmpty();
    }

    @Test
    void everyProblemIsOneLineWithFileAndLine() {
        Path rules = Fixtures.copyOfRules(tmp);
        write(rules.resolve("broken.drl"), "package arbiter.test;\nrule \"unfinished\"\nwhen\n");
        Path policy = tmp.resolve("policies/default.yaml");
        write(policy, """
                # my policy
                weights:
                  usage: 1.5
                payment:
                  overdueCapDays: thirty
                tiers: {}
                """);

        assertThat(PolicyValidation.validate(rules, policy)).containsExactly(
                "rules/broken.drl:4: [ERR 102] Line 4:0 mismatched input '<eof>' in rule \"unfinished\"",
                "policies/default.yaml:3: weights.usage: must be between 0 and 1",
                "policies/default.yaml:5: payment.overdueCapDays: must be a whole number between 0 and 36500",
                "policies/default.yaml:6: tiers: unknown key; known keys here are version, weights, score, usage,"
                        + " forecast, capacity, slaTiers, demand, payment, interruption, migration, penalty");
    }

    @Test
    void aMissingPolicyFileIsAProblemAtLineOne() {
        assertThat(PolicyValidation.validate(Fixtures.RULES, tmp.resolve("policies/none.yaml")))
                .singleElement().asString().startsWith("policies/none.yaml:1: cannot be read: ");
    }
}

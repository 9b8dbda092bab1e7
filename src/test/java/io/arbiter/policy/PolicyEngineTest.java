package io.arbiter.policy;

import io.arbiter.domain.ClientScore;
import io.arbiter.domain.SlaTier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.arbiter.policy.Fixtures.CLOCK;
import static io.arbiter.policy.Fixtures.NOW;
import static io.arbiter.policy.Fixtures.client;
import static io.arbiter.policy.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PolicyEngineTest {

    /** A rule file that adds 0.1 to every gold client's score. */
    static final String GOLD_BOOST = """
            package arbiter.test;
            import io.arbiter.domain.SlaTier;
            import io.arbiter.policy.CvsFacts.ScoringInput;
            import io.arbiter.policy.CvsFacts.ScoreAdjustment;

            rule "Boost gold clients"
            when
                ScoringInput(slaTier == SlaTier.GOLD, $id : clientId)
            then
                insert(ScoreAdjustment.boost($id, 0.1));
            end
            """;

    @TempDir
    Path tmp;

    private Path rules;
    private PolicyEngine engine;
    private final List<PolicyEngine.Snapshot> heard = new ArrayList<>();

    @BeforeEach
    void startEngine() throws Exception {
        rules = Fixtures.copyOfRules(tmp);
        engine = PolicyEngine.start(rules, Fixtures.POLICY, CLOCK);
        engine.addListener(heard::add);
    }

    private ClientScore goldClient() {
        return engine.score(List.of(client("acme", SlaTier.GOLD, 0.5, 0)), NOW).get(0);
    }

    @Test
    void aChangedRuleFileChangesTheScores() {
        ClientScore before = goldClient();
        write(rules.resolve("boosts.drl"), GOLD_BOOST);

        RuleReload reload = engine.reloadRules();

        assertThat(reload).isInstanceOfSatisfying(RuleReload.Reloaded.class, r -> assertThat(r.changed()).isTrue());
        ClientScore after = goldClient();
        assertThat(after.cvs()).isCloseTo(before.cvs() + 0.1, within(1e-9));
        assertThat(after.adjustments()).containsExactly("Boost gold clients");
        assertThat(after.ruleRevision()).isNotEqualTo(before.ruleRevision());
        assertThat(heard).hasSize(1);
    }

    @Test
    void aReloadThatFailsKeepsTheRulesInForce() {
        CompiledRules inForce = engine.current().rules();
        write(rules.resolve("broken.drl"), "package arbiter.test;\nrule \"unfinished\"\nwhen\n");

        RuleReload reload = engine.reloadRules();

        assertThat(reload).isInstanceOfSatisfying(RuleReload.Failed.class, f -> {
            assertThat(f.problems()).isNotEmpty().allMatch(p -> p.startsWith("rules/broken.drl:"));
            assertThat(f.kept()).isSameAs(inForce);
        });
        assertThat(engine.current().rules()).isSameAs(inForce);
        assertThat(goldClient().cvs()).isCloseTo(0.575, within(1e-9));
        assertThat(heard).isEmpty();
    }

    @Test
    void rulesThatCompileButCannotScoreAreRefused() throws Exception {
        CompiledRules inForce = engine.current().rules();
        String cvs = Files.readString(rules.resolve("cvs.drl"));
        write(rules.resolve("cvs.drl"), cvs.replace("insert(new WeightedScore($id, $sum));", ""));

        RuleReload reload = engine.reloadRules();

        assertThat(reload).isInstanceOfSatisfying(RuleReload.Failed.class, f -> assertThat(f.problems())
                .singleElement().asString().startsWith("rules:1: the rules compiled but cannot score a client"));
        assertThat(engine.current().rules()).isSameAs(inForce);
    }

    @Test
    void aReloadOfUnchangedFilesCompilesNothing() {
        CompiledRules inForce = engine.current().rules();

        RuleReload reload = engine.reloadRules();

        assertThat(reload).isEqualTo(new RuleReload.Reloaded(inForce, false));
        assertThat(heard).isEmpty();
    }

    @Test
    void aPolicyUpdateWithTheCurrentVersionIsApplied() {
        String version = engine.current().policy().version();

        PolicyUpdate update = engine.updatePolicy("{\"weights\": {\"sla\": 0.9}}", "application/json",
                "\"" + version + "\"");

        assertThat(update).isInstanceOfSatisfying(PolicyUpdate.Applied.class, a -> {
            assertThat(a.policy().version()).isNotEqualTo(version);
            assertThat(engine.current().policy()).isEqualTo(a.policy());
        });
        assertThat(engine.current().policy().policy().weights().sla()).isEqualTo(0.9);
        assertThat(heard).singleElement().extracting(PolicyEngine.Snapshot::policy)
                .isEqualTo(engine.current().policy());
    }

    @Test
    void aPolicyUpdateInYamlIsApplied() {
        PolicyUpdate update = engine.updatePolicy("score:\n  epsilon: 0.05\n", "application/yaml; charset=utf-8",
                null);

        assertThat(update).isInstanceOf(PolicyUpdate.Applied.class);
        assertThat(engine.current().policy().policy().score().epsilon()).isEqualTo(0.05);
    }

    @Test
    void aPolicyUpdateWithAnOldVersionIsStaleAndChangesNothing() {
        PolicyDocument inForce = engine.current().policy();

        PolicyUpdate update = engine.updatePolicy("{\"weights\": {\"sla\": 0.9}}", "application/json",
                "\"0123456789ab\"");

        assertThat(update).isEqualTo(new PolicyUpdate.Stale(inForce.version()));
        assertThat(engine.current().policy()).isSameAs(inForce);
        assertThat(heard).isEmpty();
    }

    @Test
    void anInvalidPolicyUpdateReportsEveryErrorAndChangesNothing() {
        PolicyDocument inForce = engine.current().policy();

        PolicyUpdate update = engine.updatePolicy(
                "{\"weights\": {\"sla\": 2}, \"migration\": {\"maxConcurrent\": -1}}", "application/json", "*");

        assertThat(update).isInstanceOfSatisfying(PolicyUpdate.Invalid.class, i -> assertThat(i.errors())
                .extracting(PolicyError::field).containsExactly("weights.sla", "migration.maxConcurrent"));
        assertThat(engine.current().policy()).isSameAs(inForce);
        assertThat(heard).isEmpty();
    }

    @Test
    void aPolicyUpdateInAnotherMediaTypeIsInvalid() {
        PolicyUpdate update = engine.updatePolicy("weights=1", "text/plain", null);

        assertThat(update).isInstanceOfSatisfying(PolicyUpdate.Invalid.class, i -> assertThat(i.errors())
                .singleElement().asString().contains("application/json or application/yaml"));
    }

    @Test
    void applyingTheSamePolicyAgainIsNotAnnounced() {
        engine.applyPolicy(PolicyDocument.defaults());
        assertThat(heard).isEmpty();

        engine.applyPolicy(PolicyDocument.of(new Policy(new Policy.Weights(1, 1, 1, 1, 1), Policy.DEFAULTS.score(),
                Policy.DEFAULTS.usage(), Policy.DEFAULTS.forecast(), Policy.DEFAULTS.capacity(),
                Policy.DEFAULTS.slaTiers(), Policy.DEFAULTS.demand(), Policy.DEFAULTS.payment(),
                Policy.DEFAULTS.interruption(), Policy.DEFAULTS.migration(), Policy.DEFAULTS.penalty())));
        assertThat(heard).hasSize(1);
    }
}

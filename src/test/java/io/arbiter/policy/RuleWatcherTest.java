package io.arbiter.policy;

import io.arbiter.domain.SlaTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.arbiter.policy.Fixtures.CLOCK;
import static io.arbiter.policy.Fixtures.NOW;
import static io.arbiter.policy.Fixtures.client;
import static io.arbiter.policy.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RuleWatcherTest {

    @TempDir
    Path tmp;

    @Test
    void aSavedRuleFileIsInForceWithinTwoSeconds() throws Exception {
        Path rules = Fixtures.copyOfRules(tmp);
        PolicyEngine engine = PolicyEngine.start(rules, Fixtures.POLICY, CLOCK);
        String before = engine.current().rules().revision();

        try (RuleWatcher ignored = RuleWatcher.start(engine)) {
            write(rules.resolve("boosts.drl"), PolicyEngineTest.GOLD_BOOST);

            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !engine.current().rules().revision().equals(before));
        }
        assertThat(engine.score(List.of(client("acme", SlaTier.GOLD, 0.5, 0)), NOW).get(0).adjustments())
                .containsExactly("Boost gold clients");
    }

    @Test
    void aBrokenSaveLeavesTheRulesInForce() throws Exception {
        Path rules = Fixtures.copyOfRules(tmp);
        PolicyEngine engine = PolicyEngine.start(rules, Fixtures.POLICY, CLOCK);
        CompiledRules inForce = engine.current().rules();
        List<RuleReload> outcomes = new CopyOnWriteArrayList<>();

        try (RuleWatcher ignored = RuleWatcher.start(rules, () -> {
            RuleReload r = engine.reloadRules();
            outcomes.add(r);
            return r;
        }, Duration.ofMillis(50))) {
            write(rules.resolve("broken.drl"), "package arbiter.test;\nrule \"unfinished\"\nwhen\n");

            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() -> !outcomes.isEmpty());
        }
        assertThat(outcomes.get(0)).isInstanceOf(RuleReload.Failed.class);
        assertThat(engine.current().rules()).isSameAs(inForce);
    }
}

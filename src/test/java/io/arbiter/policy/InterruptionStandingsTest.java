package io.arbiter.policy;

import io.arbiter.domain.ClientScore;
import io.arbiter.domain.InterruptionStanding;
import io.arbiter.domain.SlaTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InterruptionStandingsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static ClientScore score(String id, SlaTier tier, double cvs) {
        return new ClientScore(id, tier, cvs, List.of(), List.of(), "r", "v", NOW);
    }

    @Test
    void clientsBelowTheThresholdAreCandidatesAndTheRuleIsNamed() {
        Map<String, InterruptionStanding> standings = InterruptionStandings.evaluate(Fixtures.projectRules(),
                PolicyDocument.defaults(), List.of(score("low", SlaTier.BRONZE, 0.2), score("high", SlaTier.GOLD, 0.6)));

        assertThat(standings.get("low").candidate()).isTrue();
        assertThat(standings.get("low").rules()).containsExactly("Interrupt only clients below the threshold");
        assertThat(standings.get("high").candidate()).isFalse();
        assertThat(standings.get("high").sparedBecause()).isEqualTo(InterruptionStandings.NOT_A_CANDIDATE);
    }

    @Test
    void aSparingRuleWinsOverTheThresholdRule(@TempDir Path dir) throws Exception {
        Path rules = Fixtures.copyOfRules(dir);
        Files.writeString(rules.resolve("platinum.drl"), """
                package arbiter.custom;
                import io.arbiter.policy.InterruptionFacts.ClientValue;
                import io.arbiter.policy.InterruptionFacts.Spared;
                import io.arbiter.domain.SlaTier;

                rule "Platinum clients are never interrupted"
                when
                    ClientValue(slaTier == SlaTier.PLATINUM, $id : clientId)
                then
                    insert(new Spared($id, "platinum clients are never interrupted"));
                end
                """);
        CompiledRules compiled = new RuleCompiler(Clock.systemUTC()).compile(rules);

        Map<String, InterruptionStanding> standings = InterruptionStandings.evaluate(compiled,
                PolicyDocument.defaults(), List.of(score("vip", SlaTier.PLATINUM, 0.1)));

        assertThat(standings.get("vip").candidate()).isFalse();
        assertThat(standings.get("vip").sparedBecause()).isEqualTo("platinum clients are never interrupted");
        assertThat(standings.get("vip").rules()).containsExactly("Platinum clients are never interrupted");
    }
}

package io.arbiter.policy;

import io.arbiter.domain.ClientScore;
import io.arbiter.domain.SlaTier;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreChangesTest {

    private static final double EPSILON = 0.01;

    private static ClientScore score(double cvs, SlaTier tier, List<String> adjustments, String at) {
        return new ClientScore("acme", tier, cvs, List.of(), adjustments, "rev", "ver", Instant.parse(at));
    }

    private final ClientScore inForce = score(0.500, SlaTier.GOLD, List.of(), "2026-12-03T10:00:00Z");

    @Test
    void aMoveSmallerThanEpsilonKeepsTheScoreInForceWhole() {
        ClientScore next = score(0.509, SlaTier.GOLD, List.of(), "2026-12-03T10:05:00Z");

        assertThat(ScoreChanges.isChange(inForce, next, EPSILON)).isFalse();
        assertThat(ScoreChanges.settle(inForce, next, EPSILON)).isSameAs(inForce);
    }

    @Test
    void aMoveOfEpsilonOrMoreIsAChange() {
        ClientScore next = score(0.490, SlaTier.GOLD, List.of(), "2026-12-03T10:05:00Z");

        assertThat(ScoreChanges.settle(inForce, next, EPSILON)).isSameAs(next);
    }

    @Test
    void smallMovesThatAddUpToEpsilonAreAChange() {
        ClientScore kept = inForce;
        for (double cvs : new double[] {0.504, 0.508, 0.512}) {
            kept = ScoreChanges.settle(kept, score(cvs, SlaTier.GOLD, List.of(), "2026-12-03T10:05:00Z"), EPSILON);
        }

        assertThat(kept.cvs()).isEqualTo(0.512);
    }

    @Test
    void aNewTierOrANewAdjustmentIsAChangeHoweverSmallTheMove() {
        assertThat(ScoreChanges.isChange(inForce, score(0.5, SlaTier.SILVER, List.of(), "2026-12-03T10:05:00Z"),
                EPSILON)).isTrue();
        assertThat(ScoreChanges.isChange(inForce, score(0.5, SlaTier.GOLD, List.of("cap"), "2026-12-03T10:05:00Z"),
                EPSILON)).isTrue();
    }

    @Test
    void theFirstScoreIsAlwaysAChange() {
        assertThat(ScoreChanges.settle(null, inForce, EPSILON)).isSameAs(inForce);
    }
}

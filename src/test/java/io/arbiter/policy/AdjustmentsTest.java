package io.arbiter.policy;

import io.arbiter.policy.CvsFacts.ScoreAdjustment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AdjustmentsTest {

    private static Adjustments.ByRule by(String rule, ScoreAdjustment adjustment) {
        return new Adjustments.ByRule(rule, adjustment);
    }

    @Test
    void aCapHoldsEvenWhenABoostFiredAfterIt() {
        Adjustments.Outcome outcome = Adjustments.apply(0.5, List.of(
                by("cap", ScoreAdjustment.cap("a", 0.2)),
                by("boost", ScoreAdjustment.boost("a", 0.3))));

        assertThat(outcome.cvs()).isEqualTo(0.2);
        assertThat(outcome.changedBy()).containsExactly("boost", "cap");
    }

    @Test
    void aFloorRaisesALowScore() {
        Adjustments.Outcome outcome = Adjustments.apply(0.1, List.of(by("floor", ScoreAdjustment.floor("a", 0.3))));

        assertThat(outcome.cvs()).isCloseTo(0.3, within(1e-12));
        assertThat(outcome.changedBy()).containsExactly("floor");
    }

    @Test
    void anAdjustmentThatChangesNothingIsNotNamed() {
        Adjustments.Outcome outcome = Adjustments.apply(0.1, List.of(by("cap", ScoreAdjustment.cap("a", 0.2))));

        assertThat(outcome.cvs()).isEqualTo(0.1);
        assertThat(outcome.changedBy()).isEmpty();
    }

    @Test
    void theResultIsClampedToTheUnitInterval() {
        assertThat(Adjustments.apply(0.9, List.of(by("up", ScoreAdjustment.boost("a", 0.5)))).cvs()).isEqualTo(1.0);
        assertThat(Adjustments.apply(0.1, List.of(by("down", ScoreAdjustment.boost("a", -0.5)))).cvs()).isEqualTo(0);
    }
}

package io.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VpaForecasterTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private final Forecaster vpa = Forecaster.vpa();

    @Test
    void aSteadyLoadIsProjectedWithFifteenPercentOnTop() {
        UsageHistory history = Histories.constant(NOW.minus(Duration.ofDays(3)), NOW, 1, 2);

        Projection projection = vpa.project(history, NOW);

        assertThat(projection.cpu()).isBetween(1.15, 1.15 * 1.05);
        assertThat(projection.memoryGiB()).isBetween(2 * 1.15, 2 * 1.15 * 1.05);
    }

    @Test
    void theNinetiethPercentileFollowsTheShareOfHighSamples() {
        Instant from = NOW.minus(Duration.ofDays(1));
        UsageHistory fifthHigh = Histories.fiveMinutely(from, NOW, s -> (s / 300) % 5 == 0 ? 3 : 1, s -> 1);
        UsageHistory twentiethHigh = Histories.fiveMinutely(from, NOW, s -> (s / 300) % 20 == 0 ? 3 : 1, s -> 1);

        assertThat(vpa.project(fifthHigh, NOW).cpu()).isBetween(3 * 1.15, 3 * 1.15 * 1.05);
        assertThat(vpa.project(twentiethHigh, NOW).cpu()).isBetween(1.15, 1.15 * 1.05);
    }

    @Test
    void oldLoadFadesWithTheHalfLife() {
        Instant tenDaysAgo = NOW.minus(Duration.ofDays(10));
        long recent = NOW.minus(Duration.ofDays(4)).getEpochSecond();
        UsageHistory history = Histories.fiveMinutely(tenDaysAgo, NOW, s -> s < recent ? 4 : 1, s -> 1);
        Forecaster noDecay = new VpaForecaster(Duration.ofDays(10_000), 0.9, 0.15);

        assertThat(vpa.project(history, NOW).cpu()).isBetween(1.15, 1.15 * 1.05);
        assertThat(noDecay.project(history, NOW).cpu()).isBetween(4 * 1.15, 4 * 1.15 * 1.05);
    }

    @Test
    void memoryIsJudgedByItsPeaks() {
        UsageHistory history = new UsageHistory();
        for (Instant t = NOW.minus(Duration.ofDays(1)); t.isBefore(NOW); t = t.plusSeconds(60)) {
            history.add(t, 1, t.getEpochSecond() % 300 == 0 ? 8 : 1, 0);
        }

        assertThat(vpa.project(history, NOW).memoryGiB()).isGreaterThan(8 * 1.15);
    }


    @Test
    void aPercentileAboveOneIsRefused() {
        assertThatThrownBy(() -> new VpaForecaster(Duration.ofDays(1), 1.5, 0.15)).hasMessageContaining("percentile");
    }
}

package io.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LastValueForecasterTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private final Forecaster forecaster = Forecaster.lastValue();

    @Test
    void theNewestSampleIsTheProjectedNeed() {
        UsageHistory history = Histories.fiveMinutely(NOW.minus(Duration.ofHours(2)), NOW,
                s -> (s / 300) % 7, s -> 1 + (s / 300) % 3);

        Projection projection = forecaster.project(history, NOW);

        UsageReading latest = history.latest().orElseThrow();
        assertThat(projection.cpu()).isEqualTo(latest.cpu());
        assertThat(projection.memoryGiB()).isEqualTo(latest.memoryGiB());
        assertThat(projection).extracting(Projection::source, Projection::from, Projection::horizon)
                .containsExactly("last-value", NOW, Forecaster.DEFAULT_HORIZON);
    }


    @Test
    void aSampleTakenAfterNowIsNotUsed() {
        UsageHistory history = Histories.constant(NOW.plusSeconds(60), NOW.plusSeconds(120), 3, 3);

        assertThat(forecaster.project(history, NOW).cpu()).isZero();
    }
}

package io.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForecasterTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"last-value", "vpa", "seasonal-peak"})
    void eachForecasterIsFoundByItsName(String name) {
        assertThat(Forecaster.named(name).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"last-value", "vpa", "seasonal-peak"})
    void withoutHistoryEveryForecasterProjectsZero(String name) {
        Projection projection = Forecaster.named(name).project(new UsageHistory(), NOW);

        assertThat(projection.cpu()).isZero();
        assertThat(projection.memoryGiB()).isZero();
        assertThat(projection.horizon()).isEqualTo(Forecaster.DEFAULT_HORIZON);
    }

    @Test
    void theShippedForecasterIsTheSeasonalPeak() {
        assertThat(Forecaster.shipped()).isEqualTo(SeasonalPeakForecaster.standard());
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Forecaster.named("prophet")).hasMessageContaining("seasonal-peak");
    }
}

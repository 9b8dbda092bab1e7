package io.arbiter.scoring;

import io.arbiter.domain.ClientForecast;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClientUsageTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final DecaySpec SPEC = DecaySpec.uniform(Duration.ofHours(12));

    @Test
    void theClientsTotalIsTheSumOfEachInstancesLatestSample() {
        ClientUsage usage = ClientUsage.empty(SPEC);

        usage.sample("a", T0, 2, 4, 10);
        usage.sample("b", T0.plusSeconds(60), 1, 1, 5);
        usage.sample("a", T0.plusSeconds(120), 3, 4, 10);
        UsageSummary s = usage.summarize(T0.plusSeconds(120), Duration.ofHours(1), ForecastSelector.standard(), null);

        assertThat(s.currentCpu()).isEqualTo(4);
        assertThat(s.currentMemoryGiB()).isEqualTo(5);
        assertThat(s.currentNetworkMbps()).isEqualTo(15);
    }

    @Test
    void aStoppedInstanceNoLongerCountsInTheTotal() {
        ClientUsage usage = ClientUsage.empty(SPEC);
        usage.sample("a", T0, 2, 4, 10);
        usage.sample("b", T0.plusSeconds(60), 1, 1, 5);

        usage.stopped("a", T0.plusSeconds(120));

        UsageSummary s = usage.summarize(T0.plusSeconds(120), Duration.ofHours(1), ForecastSelector.standard(), null);
        assertThat(s.currentCpu()).isEqualTo(1);
        assertThat(usage.latestByInstance()).containsOnlyKeys("b");
    }

    @Test
    void steadyUseOverManyHalfLivesReadsAsThatRate() {
        ClientUsage usage = ClientUsage.empty(SPEC);
        Instant t = T0;
        for (int n = 0; n < 12 * 24 * 10; n++) {
            usage.sample("a", t, 3, 8, 100);
            t = t.plus(Duration.ofMinutes(5));
        }

        UsageSummary s = usage.summarize(t, Duration.ofHours(1), ForecastSelector.standard(), null);

        assertThat(s.decayedCpu()).isCloseTo(3, within(0.05));
        assertThat(s.decayedMemoryGiB()).isCloseTo(8, within(0.1));
        assertThat(s.projection().cpu()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theClientsOwnForecastInForceIsItsProjectedNeed() {
        ClientUsage usage = ClientUsage.empty(SPEC);
        usage.sample("a", T0, 1, 1, 1);
        ClientForecast own = new ClientForecast("c", T0, Duration.ofHours(2), 12, 48);

        UsageSummary s = usage.summarize(T0.plusSeconds(600), Duration.ofHours(1), ForecastSelector.standard(), own);

        assertThat(s.projection().source()).isEqualTo(Projection.CLIENT_SOURCE);
        assertThat(s.projection().cpu()).isEqualTo(12);
    }

    @Test
    void aChangedHalfLifeAppliesFromThenOnWithoutLosingTheUsage() {
        ClientUsage usage = ClientUsage.empty(SPEC);
        usage.sample("a", T0, 2, 2, 2);
        usage.sample("a", T0.plusSeconds(600), 2, 2, 2);

        ClientUsage rebuilt = ClientUsage.of(usage.latestByInstance(), usage.decayed(), usage.history(),
                DecaySpec.uniform(Duration.ofDays(7)));

        assertThat(rebuilt.decayed().spec()).isEqualTo(DecaySpec.uniform(Duration.ofDays(7)));
        assertThat(rebuilt.decayed().cpuCoreSeconds()).isEqualTo(usage.decayed().cpuCoreSeconds());
    }
}

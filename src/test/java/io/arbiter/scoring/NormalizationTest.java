package io.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.arbiter.domain.Factor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationTest {

    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofDays(10));
    private static final DecaySpec DAY = DecaySpec.uniform(Duration.ofDays(1));

    /** A client that used {@code cores} cores, {@code cores} GiB and {@code cores} Mbit/s, sampled every minute until NOW. */
    private static DecayedUsage steady(double cores) {
        DecayedUsage usage = DecayedUsage.empty(DAY);
        for (Instant t = T0; !t.isAfter(NOW); t = t.plusSeconds(60)) {
            usage = usage.add(t, cores, cores, cores);
        }
        return usage;
    }

    @Test
    void theFleetReferenceIsTheNearestRank95thPercentile() {
        double[] oneToTwenty = new double[20];
        for (int i = 0; i < 20; i++) {
            oneToTwenty[i] = 20 - i;
        }

        assertThat(FleetReference.percentile(oneToTwenty, 0.95)).isEqualTo(19);
        assertThat(FleetReference.percentile(oneToTwenty, 1)).isEqualTo(20);
        assertThat(FleetReference.percentile(oneToTwenty, 0)).isEqualTo(1);
        assertThat(FleetReference.percentile(new double[0], 0.95)).isZero();
    }

    @Test
    void aClientsUsageIsNormalisedAgainstTheFleetAndClamped() {
        List<DecayedUsage> fleet = new ArrayList<>();
        for (int cores = 1; cores <= 20; cores++) {
            fleet.add(steady(cores));
        }
        FleetReference reference = FleetReference.ofUsage(fleet, NOW, FleetReference.DEFAULT_SHARE);

        List<Factor> middling = Normalization.usage(fleet.get(9), reference, NOW);
        List<Factor> top = Normalization.usage(fleet.get(19), reference, NOW);

        assertThat(reference.cpu()).isCloseTo(19, within(0.05));
        assertThat(middling).extracting(Factor::name).containsExactly("usage.cpu", "usage.memory", "usage.network");
        assertThat(middling.get(0).raw()).isCloseTo(10, within(0.05));
        assertThat(middling).allSatisfy(f -> assertThat(f.normalized()).isCloseTo(10 / 19.0, within(1e-3)));
        assertThat(top).allSatisfy(f -> assertThat(f.normalized()).isEqualTo(1.0));
    }

    @Test
    void usageIsJudgedAsDecayedToNow() {
        FleetReference reference = new FleetReference(1, 1, 1);

        List<Factor> aDayLater = Normalization.usage(steady(1), reference, NOW.plus(Duration.ofDays(1)));

        assertThat(aDayLater.get(0).normalized()).isCloseTo(0.5, within(1e-3));
    }

    @Test
    void noUseScoresZeroAndAnyUseAgainstAZeroReferenceScoresOne() {
        assertThat(Normalization.share(0, 0)).isZero();
        assertThat(Normalization.share(0, 5)).isZero();
        assertThat(Normalization.share(0.1, 0)).isEqualTo(1.0);
        assertThat(Normalization.share(2, 8)).isEqualTo(0.25);
    }

    @Test
    void aProjectionIsNormalisedAgainstTheFleetsProjections() {
        List<Projection> projections = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            projections.add(new Projection("seasonal-peak", NOW, Duration.ofHours(1), i, 4.0 * i));
        }
        FleetReference reference = FleetReference.ofProjections(projections, FleetReference.DEFAULT_SHARE);

        List<Factor> factors = Normalization.forecast(projections.get(4), reference);

        assertThat(factors).containsExactly(new Factor("forecast.cpu", 5, 5 / 19.0),
                new Factor("forecast.memory", 20, 20 / 76.0));
    }
}

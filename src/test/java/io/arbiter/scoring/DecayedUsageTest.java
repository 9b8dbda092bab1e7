package io.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecayedUsageTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final DecaySpec WEEK = DecaySpec.slurm();

    @Test
    void halfOfTheWeightIsLeftAfterOneHalfLife() {
        DecayedUsage usage = DecayedUsage.empty(WEEK)
                .add(T0, 2, 4, 8)
                .add(T0.plusSeconds(60), 2, 4, 8);

        DecayedUsage later = usage.decayedTo(T0.plusSeconds(60).plus(Duration.ofDays(7)));

        assertThat(usage.cpuCoreSeconds()).isCloseTo(120, within(1e-9));
        assertThat(later.cpuCoreSeconds()).isCloseTo(60, within(1e-9));
        assertThat(later.memoryGiBSeconds()).isCloseTo(120, within(1e-9));
        assertThat(later.networkMegabits()).isCloseTo(240, within(1e-9));
    }

    @Test
    void eachResourceFadesWithItsOwnHalfLife() {
        DecayedUsage usage = DecayedUsage.empty(DecaySpec.autopilot())
                .add(T0, 1, 1, 1)
                .add(T0.plusSeconds(60), 1, 1, 1)
                .decayedTo(T0.plusSeconds(60).plus(Duration.ofHours(12)));

        assertThat(usage.cpuCoreSeconds()).isCloseTo(30, within(1e-9));
        assertThat(usage.memoryGiBSeconds()).isCloseTo(60 * Math.pow(0.5, 0.25), within(1e-9));
    }

    @Test
    void aSeriesAtSteadyUseReadsItsRateOnceItsHistoryIsLong() {
        DecayedUsage usage = DecayedUsage.empty(DecaySpec.uniform(Duration.ofDays(1)));
        for (int minute = 0; minute <= 60 * 24 * 30; minute++) {
            usage = usage.add(T0.plusSeconds(60L * minute), 1.5, 3, 10);
        }

        assertThat(usage.cpuCores()).isCloseTo(1.5, within(0.001));
        assertThat(usage.memoryGiB()).isCloseTo(3, within(0.001));
        assertThat(usage.networkMbps()).isCloseTo(10, within(0.01));
    }

    @Test
    void aSeriesThatStoppedFadesTowardsZero() {
        DecayedUsage usage = DecayedUsage.empty(DecaySpec.uniform(Duration.ofDays(1)));
        for (int minute = 0; minute <= 60 * 24 * 30; minute++) {
            usage = usage.add(T0.plusSeconds(60L * minute), 1, 1, 1);
        }

        DecayedUsage twoDaysLater = usage.decayedTo(T0.plus(Duration.ofDays(32)));

        assertThat(twoDaysLater.cpuCores()).isCloseTo(0.25, within(0.001));
    }

    @Test
    void theFirstSampleOnlyMarksTheStart() {
        DecayedUsage usage = DecayedUsage.empty(WEEK).add(T0, 5, 5, 5);

        assertThat(usage.isEmpty()).isFalse();
        assertThat(usage.cpuCoreSeconds()).isZero();
        assertThat(usage.lastSampleMillis()).isEqualTo(T0.toEpochMilli());
    }

    @Test
    void aSampleStandsForNoMoreThanTheMaximumGap() {
        DecayedUsage usage = DecayedUsage.empty(WEEK)
                .add(T0, 1, 0, 0)
                .add(T0.plus(Duration.ofHours(2)), 1, 0, 0);

        assertThat(usage.cpuCoreSeconds()).isCloseTo(DecaySpec.DEFAULT_MAX_GAP.toSeconds(), within(1e-9));
    }

    @Test
    void lateAndRepeatedSamplesAreIgnored() {
        DecayedUsage usage = DecayedUsage.empty(WEEK).add(T0, 1, 1, 1).add(T0.plusSeconds(60), 1, 1, 1);

        assertThat(usage.add(T0.plusSeconds(60), 9, 9, 9)).isSameAs(usage);
        assertThat(usage.add(T0.plusSeconds(30), 9, 9, 9)).isSameAs(usage);
    }

    @Test
    void aSampleArrivingAfterTheValueWasDecayedFurtherIsDecayedToo() {
        DecayedUsage usage = DecayedUsage.empty(WEEK).add(T0, 1, 0, 0)
                .decayedTo(T0.plus(Duration.ofDays(14)))
                .add(T0.plus(Duration.ofDays(7)), 2, 0, 0);

        assertThat(usage.cpuCoreSeconds()).isCloseTo(2 * DecaySpec.DEFAULT_MAX_GAP.toSeconds() / 2.0, within(1e-6));
        assertThat(usage.referenceMillis()).isEqualTo(T0.plus(Duration.ofDays(14)).toEpochMilli());
    }

    @Test
    void decayingToAnEarlierTimeChangesNothing() {
        DecayedUsage usage = DecayedUsage.empty(WEEK).add(T0, 1, 1, 1).add(T0.plusSeconds(60), 1, 1, 1);

        assertThat(usage.decayedTo(T0)).isSameAs(usage);
    }

    @Test
    void mergingTwoInstancesGivesTheirClientsTotal() {
        DecayedUsage a = DecayedUsage.empty(DecaySpec.uniform(Duration.ofHours(6)));
        DecayedUsage b = a;
        for (int minute = 0; minute <= 60 * 24 * 5; minute++) {
            a = a.add(T0.plusSeconds(60L * minute), 1, 2, 0);
            b = b.add(T0.plusSeconds(60L * minute + 17), 2, 1, 0);
        }

        DecayedUsage client = a.merge(b);

        assertThat(client.cpuCores()).isCloseTo(3, within(0.01));
        assertThat(client.memoryGiB()).isCloseTo(3, within(0.01));
        assertThat(b.merge(a)).isEqualTo(client);
    }

    @Test
    void mergingDecaysBothToTheLaterReference() {
        DecayedUsage early = DecayedUsage.empty(WEEK).add(T0, 1, 0, 0).add(T0.plusSeconds(100), 1, 0, 0);
        DecayedUsage late = DecayedUsage.empty(WEEK).add(T0.plus(Duration.ofDays(7)), 1, 0, 0)
                .add(T0.plus(Duration.ofDays(7)).plusSeconds(100), 1, 0, 0);

        DecayedUsage merged = early.merge(late);

        assertThat(merged.cpuCoreSeconds()).isCloseTo(50 + 100, within(1e-9));
        assertThat(merged.lastSampleMillis()).isEqualTo(late.lastSampleMillis());
    }

    @Test
    void usageKeptWithDifferentHalfLivesIsNotMerged() {
        DecayedUsage week = DecayedUsage.empty(WEEK);
        DecayedUsage day = DecayedUsage.empty(DecaySpec.uniform(Duration.ofDays(1)));

        assertThatThrownBy(() -> week.merge(day)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStateSurvivesTheRoundTripThroughAnArray() {
        DecayedUsage usage = DecayedUsage.empty(DecaySpec.autopilot())
                .add(T0, 1, 2, 3).add(T0.plusSeconds(299), 0.25, 1.5, 7).decayedTo(T0.plusSeconds(3600));

        assertThat(DecayedUsage.fromArray(usage.toArray())).isEqualTo(usage);
        assertThat(DecayedUsage.fromArray(DecayedUsage.empty(WEEK).toArray())).isEqualTo(DecayedUsage.empty(WEEK));
    }

    @Test
    void negativeOrMissingUsageIsRefused() {
        DecayedUsage usage = DecayedUsage.empty(WEEK);

        assertThatThrownBy(() -> usage.add(T0, -1, 0, 0)).hasMessageContaining("cpu");
        assertThatThrownBy(() -> usage.add(T0, 0, Double.NaN, 0)).hasMessageContaining("memoryGiB");
        assertThatThrownBy(() -> usage.add(T0, 0, 0, Double.POSITIVE_INFINITY)).hasMessageContaining("networkMbps");
    }
}

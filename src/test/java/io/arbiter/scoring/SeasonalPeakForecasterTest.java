package io.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeasonalPeakForecasterTest {

    private static final Instant NOW = Instant.parse("2026-12-03T03:00:00Z");
    private static final long DAY = Duration.ofDays(1).toSeconds();
    private final Forecaster forecaster = Forecaster.shipped();

    /** 0.5 cores and 1 GiB, except 4 cores and 6 GiB from 03:00 to 03:30 on the given days before NOW. */
    private static UsageHistory spikesAtThreeOClock(Set<Integer> daysAgo) {
        return Histories.fiveMinutely(NOW.minus(Duration.ofDays(8)), NOW,
                s -> spikes(s, daysAgo) ? 4 : 0.5, s -> spikes(s, daysAgo) ? 6 : 1);
    }

    private static boolean spikes(long second, Set<Integer> daysAgo) {
        long before = NOW.getEpochSecond() - second;
        int day = (int) ((before + DAY - 1) / DAY);
        long intoWindow = second - (NOW.getEpochSecond() - day * DAY);
        return daysAgo.contains(day) && intoWindow >= 0 && intoWindow < 1800;
    }

    @Test
    void theRecentPeakIsProjectedWithFifteenPercentOnTop() {
        long spike = NOW.minus(Duration.ofMinutes(30)).getEpochSecond();
        UsageHistory history = Histories.fiveMinutely(NOW.minus(Duration.ofDays(2)), NOW,
                s -> s == spike ? 2 : 1, s -> 3);

        Projection projection = forecaster.project(history, NOW);

        assertThat(projection.cpu()).isCloseTo(2.3, within(1e-6));
        assertThat(projection.memoryGiB()).isCloseTo(3.45, within(1e-6));
        assertThat(projection.source()).isEqualTo("seasonal-peak");
    }

    @Test
    void aPeakSeenAtThisHourOnTwoOfTheLastSevenDaysIsExpectedAgain() {
        Projection projection = forecaster.project(spikesAtThreeOClock(Set.of(1, 3)), NOW);

        assertThat(projection.cpu()).isEqualTo(4);
        assertThat(projection.memoryGiB()).isEqualTo(6);
    }

    @Test
    void aOneOffPeakAtThisHourIsNotExpectedAgain() {
        Projection projection = forecaster.project(spikesAtThreeOClock(Set.of(1)), NOW);

        assertThat(projection.cpu()).isCloseTo(0.575, within(1e-6));
        assertThat(projection.memoryGiB()).isCloseTo(1.15, within(1e-6));
    }

    @Test
    void aPeakOlderThanTheSeasonalDaysIsForgotten() {
        Projection projection = forecaster.project(spikesAtThreeOClock(Set.of(1, 8)), NOW);

        assertThat(projection.cpu()).isCloseTo(0.575, within(1e-6));
    }

    @Test
    void withoutSamplesInTheLookbackTheNewestSlotStandsForTheRecentPeak() {
        UsageHistory history = Histories.constant(NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofHours(3)), 2, 2);

        assertThat(forecaster.project(history, NOW).cpu()).isCloseTo(2.3, within(1e-6));
    }


    @Test
    void moreSeasonalDaysThanTheHistoryKeepsAreRefused() {
        assertThatThrownBy(() -> new SeasonalPeakForecaster(Duration.ofHours(1), 0.15, 15, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeasonalPeakForecaster(Duration.ofHours(1), 0.15, 7, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

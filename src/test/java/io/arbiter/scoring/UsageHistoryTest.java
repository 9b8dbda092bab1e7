package io.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final int KIB_64 = 64 * 1024;

    /** One sample a minute from T0 for {@code days}, CPU = minute of the hour, memory 2 GiB. */
    private static UsageHistory minutely(int days) {
        UsageHistory history = new UsageHistory();
        for (int minute = 0; minute < days * 24 * 60; minute++) {
            history.add(T0.plusSeconds(60L * minute), minute % 60, 2, 1);
        }
        return history;
    }

    @Test
    void theLastDayIsKeptInFiveMinuteSlots() {
        Instant now = T0.plus(Duration.ofDays(3));
        List<UsageSlot> fine = minutely(3).window(now).stream().filter(s -> s.seconds() == 300).toList();

        assertThat(fine).hasSize(288);
        assertThat(fine.get(0).startEpochSecond()).isEqualTo(now.minus(Duration.ofDays(1)).getEpochSecond());
        assertThat(fine).allSatisfy(s -> assertThat(s.count()).isEqualTo(5));
        UsageSlot first = fine.get(0);
        assertThat(first.cpuMean()).isCloseTo(2, within(1e-6));
        assertThat(first.cpuPeak()).isEqualTo(4);
        assertThat(first.memoryMean()).isCloseTo(2, within(1e-6));
    }

    @Test
    void olderDaysAreKeptHourly() {
        Instant now = T0.plus(Duration.ofDays(3));
        List<UsageSlot> coarse = minutely(3).window(now).stream().filter(s -> s.seconds() == 3600).toList();

        assertThat(coarse).hasSize(48);
        assertThat(coarse).allSatisfy(s -> {
            assertThat(s.count()).isEqualTo(60);
            assertThat(s.cpuMean()).isCloseTo(29.5, within(1e-4));
            assertThat(s.cpuPeak()).isEqualTo(59);
        });
    }

    @Test
    void theWindowReachesFourteenDaysWithoutGapOrOverlap() {
        Instant now = T0.plus(Duration.ofDays(20)).minusSeconds(1234);
        List<UsageSlot> window = minutely(20).window(now);

        assertThat(window.get(0).startEpochSecond())
                .isEqualTo(now.minus(UsageHistory.SPAN).getEpochSecond() / 3600 * 3600 + 3600);
        for (int i = 1; i < window.size(); i++) {
            assertThat(window.get(i).startEpochSecond()).isEqualTo(window.get(i - 1).endEpochSecond());
        }
        long endOfSlotHoldingNow = (now.getEpochSecond() / 300 + 1) * 300;
        assertThat(window.get(window.size() - 1).endEpochSecond()).isEqualTo(endOfSlotHoldingNow);
        long samplesInWindow = (endOfSlotHoldingNow - window.get(0).startEpochSecond()) / 60;
        assertThat(window.stream().mapToLong(UsageSlot::count).sum()).isEqualTo(samplesInWindow);
    }

    @Test
    void samplesAfterNowAreLeftOut() {
        UsageHistory history = minutely(2);

        List<UsageSlot> window = history.window(T0.plus(Duration.ofDays(1)));

        assertThat(window.get(window.size() - 1).startEpochSecond()).isEqualTo(T0.plus(Duration.ofDays(1)).getEpochSecond());
        assertThat(window.get(window.size() - 1).count()).isEqualTo(5);
    }

    @Test
    void aSampleTooOldForItsSlotIsDroppedFromThatRing() {
        UsageHistory history = new UsageHistory();
        Instant now = T0.plus(Duration.ofDays(20));
        history.add(now.minusSeconds(10), 1, 1, 1);
        history.add(now.minusSeconds(10).minus(Duration.ofDays(14)), 7, 7, 7);
        history.add(now.minusSeconds(10).minus(Duration.ofDays(1)).minus(Duration.ofHours(1)), 3, 3, 3);

        List<UsageSlot> window = history.window(now);

        assertThat(window).extracting(UsageSlot::cpuPeak).containsExactly(3.0, 1.0);
        assertThat(window).extracting(UsageSlot::seconds).containsExactly(3600, 300);
    }

    @Test
    void theLatestReadingIsTheNewestSampleEvenIfOthersArriveLate() {
        UsageHistory history = new UsageHistory();
        assertThat(history.latest()).isEmpty();

        history.add(T0.plusSeconds(60), 2, 3, 4);
        history.add(T0, 9, 9, 9);

        assertThat(history.latest()).contains(new UsageReading(T0.plusSeconds(60), 2, 3, 4));
    }

    @Test
    void theStateSurvivesTheRoundTripThroughBytes() {
        UsageHistory history = minutely(16);
        Instant now = T0.plus(Duration.ofDays(16));

        byte[] bytes = history.toBytes();
        UsageHistory copy = UsageHistory.fromBytes(bytes);

        assertThat(bytes).hasSize(UsageHistory.SERIALIZED_BYTES);
        assertThat(copy.window(now)).isEqualTo(history.window(now));
        assertThat(copy.latest()).isEqualTo(history.latest());
        assertThatThrownBy(() -> UsageHistory.fromBytes(new byte[10])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneSamplePerSecondForTwentyDaysKeepsUnder64KiB() {
        UsageHistory history = new UsageHistory();
        long emptyBytes = RetainedSize.of(history);
        long seconds = Duration.ofDays(20).toSeconds();
        for (long s = 0; s < seconds; s++) {
            history.add(T0.plusSeconds(s), (s % 977) / 100.0, 4 + (s % 13) / 10.0, s % 100);
        }

        long retained = RetainedSize.of(history);

        assertThat(retained).isGreaterThan(10_000).isLessThanOrEqualTo(KIB_64).isEqualTo(emptyBytes);
        assertThat(history.toBytes().length).isLessThanOrEqualTo(KIB_64);
        List<UsageSlot> window = history.window(T0.plusSeconds(seconds));
        assertThat(window.get(window.size() - 2).count()).isEqualTo(300);
        assertThat(window.get(0).count()).isEqualTo(3600);
    }

    @Test
    void negativeUsageIsRefused() {
        assertThatThrownBy(() -> new UsageHistory().add(T0, 0, -0.5, 0)).hasMessageContaining("memoryGiB");
    }
}

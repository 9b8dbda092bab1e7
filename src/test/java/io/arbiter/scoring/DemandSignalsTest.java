package io.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.arbiter.domain.DemandSignal;
import io.arbiter.domain.Factor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemandSignalsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final Map<String, SignalRange> RANGES = Map.of(
            "queue-depth", new SignalRange(50, 100), "checkout-rate", new SignalRange(0, 1000));
    private final DemandSignals max = new DemandSignals(RANGES, DemandSignals.Combination.MAX);
    private final DemandSignals mean = new DemandSignals(RANGES, DemandSignals.Combination.MEAN);

    private static DemandSignal signal(String name, double value, Instant time) {
        return new DemandSignal("client-1", name, value, time, TEN_MINUTES);
    }

    @Test
    void aSignalIsScaledByItsRangeAndClamped() {
        assertThat(max.factor(List.of(signal("queue-depth", 75, NOW)), NOW).normalized()).isCloseTo(0.5, within(1e-12));
        assertThat(max.factor(List.of(signal("queue-depth", 10, NOW)), NOW).normalized()).isZero();
        assertThat(max.factor(List.of(signal("queue-depth", 500, NOW)), NOW).normalized()).isEqualTo(1.0);
    }

    @Test
    void aSignalStopsCountingWhenItsTtlRunsOut() {
        List<DemandSignal> signals = List.of(signal("queue-depth", 100, NOW));

        assertThat(max.factor(signals, NOW.plus(TEN_MINUTES).minusMillis(1)).normalized()).isEqualTo(1.0);
        assertThat(max.factor(signals, NOW.plus(TEN_MINUTES)).normalized()).isZero();
        assertThat(DemandSignals.inForce(signals, NOW.plus(TEN_MINUTES))).isEmpty();
    }

    @Test
    void aSignalCountsOnlyFromWhenItWasSent() {
        assertThat(max.factor(List.of(signal("queue-depth", 100, NOW.plusSeconds(1))), NOW).normalized()).isZero();
    }

    @Test
    void theLatestSignalOfANameCounts() {
        List<DemandSignal> signals = List.of(signal("queue-depth", 60, NOW.minusSeconds(10)),
                signal("queue-depth", 90, NOW.minusSeconds(60)));

        assertThat(max.normalized(signals, NOW)).containsExactly(Map.entry("queue-depth", 0.2));
    }

    @Test
    void severalSignalsCombineByMaxOrByMean() {
        List<DemandSignal> signals = List.of(signal("queue-depth", 100, NOW), signal("checkout-rate", 200, NOW));

        assertThat(max.factor(signals, NOW)).isEqualTo(new Factor("demand", 2, 1.0));
        assertThat(mean.factor(signals, NOW).normalized()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void aSignalThePolicyGivesNoRangeIsIgnored() {
        List<DemandSignal> signals = List.of(signal("weather", 30, NOW), signal("checkout-rate", 200, NOW));

        assertThat(mean.factor(signals, NOW)).isEqualTo(new Factor("demand", 1, 0.2));
    }

    @Test
    void withoutSignalsThereIsNoDemand() {
        assertThat(mean.factor(List.of(), NOW)).isEqualTo(new Factor("demand", 0, 0));
    }

    @Test
    void anEmptyRangeIsRefused() {
        assertThatThrownBy(() -> new SignalRange(5, 5)).hasMessageContaining("min must be below max");
    }
}

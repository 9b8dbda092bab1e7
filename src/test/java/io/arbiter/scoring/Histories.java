package io.arbiter.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongToDoubleFunction;

/** Builds synthetic usage histories for forecaster tests. */
final class Histories {

    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private Histories() {
    }

    /**
     * A history with one sample every five minutes over {@code [from, until)}; {@code cpu} and
     * {@code memory} give the usage at an epoch second.
     */
    static UsageHistory fiveMinutely(Instant from, Instant until, LongToDoubleFunction cpu, LongToDoubleFunction memory) {
        UsageHistory history = new UsageHistory();
        for (Instant t = from; t.isBefore(until); t = t.plus(FIVE_MINUTES)) {
            long s = t.getEpochSecond();
            history.add(t, cpu.applyAsDouble(s), memory.applyAsDouble(s), 0);
        }
        return history;
    }

    /** A history at a constant use over {@code [from, until)}, every five minutes. */
    static UsageHistory constant(Instant from, Instant until, double cpu, double memoryGiB) {
        return fiveMinutely(from, until, s -> cpu, s -> memoryGiB);
    }
}

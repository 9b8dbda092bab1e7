package io.arbiter.scoring;

import java.time.Duration;
import java.time.Instant;

/**
 * Projects the newest sample as the need: the simplest baseline. If the newest sample was taken
 * after {@code now}, or there is none, it projects zero.
 */
final class LastValueForecaster implements Forecaster {

    @Override
    public String name() {
        return "last-value";
    }

    @Override
    public Projection project(UsageHistory history, Instant now, Duration horizon) {
        return history.latest()
                .filter(reading -> !reading.time().isAfter(now))
                .map(reading -> new Projection(name(), now, horizon, reading.cpu(), reading.memoryGiB()))
                .orElseGet(() -> new Projection(name(), now, horizon, 0, 0));
    }
}

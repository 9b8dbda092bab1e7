package io.arbiter.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A projected need: the CPU and memory a client is expected to need at most over a horizon.
 *
 * @param source who projected it: a forecaster's {@link Forecaster#name() name}, or
 *               {@link ClientForecast#SOURCE} for the client's own forecast
 * @param from when the horizon starts
 * @param horizon how far ahead it looks
 * @param cpu projected CPU need, in cores
 * @param memoryGiB projected memory need, in GiB
 */
public record Projection(String source, Instant from, Duration horizon, double cpu, double memoryGiB) {

    /** Validates the fields. */
    public Projection {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(horizon, "horizon");
        Checks.requireNonNegative(cpu, "cpu");
        Checks.requireNonNegative(memoryGiB, "memoryGiB");
    }
}

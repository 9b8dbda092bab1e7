package io.arbiter.scoring;

import io.arbiter.domain.ClientForecast;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A projected need: the CPU and memory a client is expected to need at most over a horizon.
 *
 * @param source who projected it: a forecaster's {@link Forecaster#name() name}, or
 *               {@link #CLIENT_SOURCE} for the client's own forecast
 * @param from when the horizon starts
 * @param horizon how far ahead it looks
 * @param cpu projected CPU need, in cores
 * @param memoryGiB projected memory need, in GiB
 */
public record Projection(String source, Instant from, Duration horizon, double cpu, double memoryGiB) {

    /** The {@link #source()} of a projection that comes from a client's forecast. */
    public static final String CLIENT_SOURCE = "client";

    /** Validates the fields. */
    public Projection {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(horizon, "horizon");
        Checks.requireNonNegative(cpu, "cpu");
        Checks.requireNonNegative(memoryGiB, "memoryGiB");
    }

    /** A client's forecast as a projection over its own horizon, from when it was received. */
    public static Projection of(ClientForecast forecast) {
        return new Projection(CLIENT_SOURCE, forecast.time(), forecast.horizon(), forecast.cpu(), forecast.memoryGiB());
    }
}

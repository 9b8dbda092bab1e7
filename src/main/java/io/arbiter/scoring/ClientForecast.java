package io.arbiter.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A client's own forecast of its need (the {@code forecast} event): in force from when it was
 * received until {@code received + horizon}.
 *
 * @param horizon how long it speaks for; positive
 * @param cpu the projected CPU need, in cores
 * @param memoryGiB the projected memory need, in GiB
 * @param received when Arbiter received it
 */
public record ClientForecast(Duration horizon, double cpu, double memoryGiB, Instant received) {

    /** The {@link Projection#source()} of a projection that comes from a client's forecast. */
    public static final String SOURCE = "client";

    /** Validates the fields. */
    public ClientForecast {
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(received, "received");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive, was " + horizon);
        }
        Checks.requireNonNegative(cpu, "cpu");
        Checks.requireNonNegative(memoryGiB, "memoryGiB");
    }

    /** Whether it is in force at {@code now}: {@code received <= now < received + horizon}. */
    public boolean inForceAt(Instant now) {
        return !now.isBefore(received) && now.isBefore(received.plus(horizon));
    }

    /** This forecast as a projection over its own horizon. */
    public Projection toProjection() {
        return new Projection(SOURCE, received, horizon, cpu, memoryGiB);
    }
}

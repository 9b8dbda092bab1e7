package io.arbiter.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A client's own projection of what it will need over {@code horizon} from {@code time}.
 *
 * @param time when Arbiter received it
 * @param horizon how long it speaks for; positive
 * @param cpu the projected CPU need, in cores; finite and non-negative
 * @param memoryGiB the projected memory need, in GiB; finite and non-negative
 */
public record ClientForecast(String clientId, Instant time, Duration horizon, double cpu, double memoryGiB) {

    public ClientForecast {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(horizon, "horizon");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive, was " + horizon);
        }
        if (!(cpu >= 0) || !(memoryGiB >= 0) || Double.isInfinite(cpu) || Double.isInfinite(memoryGiB)) {
            throw new IllegalArgumentException("forecast must be finite and non-negative: " + cpu + ", " + memoryGiB);
        }
    }
}

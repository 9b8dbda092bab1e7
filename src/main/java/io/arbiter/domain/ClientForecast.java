package io.arbiter.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A client's own projection of what it will need over {@code horizon} from {@code time}. */
public record ClientForecast(String clientId, Instant time, Duration horizon, double cpu, double memoryGiB) {

    public ClientForecast {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(horizon, "horizon");
    }
}

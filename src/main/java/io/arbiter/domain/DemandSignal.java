package io.arbiter.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A real-time demand signal for a client, in force from {@code time} for {@code ttl}. */
public record DemandSignal(String clientId, String signal, double value, Instant time, Duration ttl) {

    public DemandSignal {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(ttl, "ttl");
    }

    /** The instant from which the signal no longer counts. */
    public Instant expiresAt() {
        return time.plus(ttl);
    }
}

package io.arbiter.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A real-time demand signal for a client, in force from {@code time} for {@code ttl}.
 *
 * @param signal the signal's name; the policy gives each name its range
 * @param value the signal's value, in the signal's own unit; finite
 * @param ttl how long it stays in force; positive
 */
public record DemandSignal(String clientId, String signal, double value, Instant time, Duration ttl) {

    public DemandSignal {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(ttl, "ttl");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be a finite number, was " + value);
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
    }

    /** The instant from which the signal no longer counts. */
    public Instant expiresAt() {
        return time.plus(ttl);
    }

    /** Whether it is in force at {@code now}: {@code time <= now < expiresAt()}. */
    public boolean inForceAt(Instant now) {
        return !now.isBefore(time) && now.isBefore(expiresAt());
    }
}

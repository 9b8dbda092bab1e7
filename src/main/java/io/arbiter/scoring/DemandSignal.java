package io.arbiter.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A real-time demand signal from outside (the {@code demand} event): in force from {@code time}
 * until {@code time + ttl}.
 *
 * @param name the signal's name; the policy gives each name its range
 * @param value the signal's value, in the signal's own unit
 * @param time when it was sent
 * @param ttl how long it stays in force; positive
 */
public record DemandSignal(String name, double value, Instant time, Duration ttl) {

    /** Validates the fields. */
    public DemandSignal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(ttl, "ttl");
        Checks.requireFinite(value, "value");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
    }

    /** Whether it is in force at {@code now}: {@code time <= now < time + ttl}. */
    public boolean inForceAt(Instant now) {
        return !now.isBefore(time) && now.isBefore(time.plus(ttl));
    }
}

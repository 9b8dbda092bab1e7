package io.arbiter.domain;

import java.util.Objects;

/**
 * A platform that needs room.
 *
 * @param need the room wanted on the platform; what is free now counts towards it
 * @param beneficiary the client that needs the room, or null
 */
public record Contention(String platformId, ContentionReason reason, Severity severity, Resources need,
                         String beneficiary) {

    public Contention {
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(need, "need");
    }
}

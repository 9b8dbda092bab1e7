package io.arbiter.domain;

import java.util.Objects;

/** A pre-configured slot on a platform that a migration may restore an instance into. */
public record ShadowSlot(String slotId, String platformId, Resources capacity) {

    public ShadowSlot {
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(capacity, "capacity");
    }
}

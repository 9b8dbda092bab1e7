package io.arbiter.grid;

import java.util.Objects;

/** Where an instance runs and whose it is: what a usage sample, which names only the instance, needs. */
public record InstanceLocation(String platformId, String clientId) {

    public InstanceLocation {
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(clientId, "clientId");
    }
}

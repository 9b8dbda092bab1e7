package io.arbiter.domain;

import java.util.Objects;

/** A shared platform (a host, rack or pool) in a data centre's zone, with its capacity. */
public record Platform(String platformId, String datacentre, String zone, Resources capacity) {

    public Platform {
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(datacentre, "datacentre");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(capacity, "capacity");
    }
}

package io.arbiter.domain;

import java.util.Objects;

/**
 * Which instance serves a service's traffic, and where.
 *
 * @param service the name requests reach it by
 * @param paused true while the router holds new requests for the service (the cut-over of a migration)
 */
public record Route(String service, String instanceId, Endpoint endpoint, boolean paused) {

    public Route {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    /** This route, holding or releasing new requests. */
    public Route withPaused(boolean hold) {
        return new Route(service, instanceId, endpoint, hold);
    }
}

package io.arbiter.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One client's instance running on a platform.
 *
 * @param service the name traffic reaches it by, or null when it serves no routed traffic
 * @param startedAt when it started, for the minimum run time
 */
public record Instance(String instanceId, String clientId, String platformId, InstanceKind kind,
                       Resources resources, String service, Instant startedAt, InstanceState state) {

    public Instance {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(state, "state");
    }

    /** This instance in another state. */
    public Instance withState(InstanceState newState) {
        return new Instance(instanceId, clientId, platformId, kind, resources, service, startedAt, newState);
    }
}

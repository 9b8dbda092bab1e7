package io.arbiter.grid;

import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * The Vert.x cluster manager over this process's own Hazelcast member, so that the event bus is
 * clustered by the same members as the grid (vertx-hazelcast is built against an older
 * Hazelcast, and runs on this one when handed a running member). The one place where the grid
 * touches Vert.x, and only its cluster-manager interface.
 */
public final class EventBusCluster {

    private EventBusCluster() {
    }

    /** A cluster manager that joins the event bus through {@code member}; leaving it leaves the member running. */
    public static ClusterManager over(GridMember member) {
        return new HazelcastClusterManager(member.hazelcast());
    }
}

package io.arbiter.app;

import io.arbiter.grid.EventBusCluster;
import io.arbiter.grid.GridMember;
import io.arbiter.http.ClusterRoutes;
import io.arbiter.http.EventBusAddresses;
import io.arbiter.http.HttpServerVerticle;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.concurrent.TimeoutException;

/**
 * What a node adds to take part in a cluster: one decider per platform with takeover
 * ({@link OwnedArbitration}), a Vert.x whose event bus is clustered over the grid's own members
 * when the member joins a network (a single member keeps a local event bus and opens nothing),
 * decisions published on the event bus to every member's feed, and the cluster's read routes.
 */
final class ClusterWiring {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterWiring.class);

    private ClusterWiring() {
    }

    /**
     * Starts deciding the contentions of the platforms this member owns; close it to stop.
     * {@code notDecided} hears of each decision (by id) that could not be taken.
     */
    static OwnedArbitration decide(GridMember member, ArbitrationService arbitration, Actuator actuator,
                                   Migrator migrator, MeterRegistry registry,
                                   BiConsumer<String, Throwable> notDecided) {
        OwnedArbitration owned = new OwnedArbitration(member.store(), member.decisionLog(), member.ownership(),
                member.claims(), arbitration, actuator, migrator, registry, notDecided);
        owned.start();
        return owned;
    }

    /** Vert.x for this node: clustered over {@code member} when it joins a network, local otherwise. */
    static Vertx vertx(GridMember member) throws TimeoutException {
        if (!member.joinsNetwork()) {
            return Vertx.vertx();
        }
        Vertx vertx = Vertx.builder().withClusterManager(EventBusCluster.over(member)).buildClustered()
                .await(60, TimeUnit.SECONDS);
        LOG.info("event bus clustered over the grid's {} member(s)", member.clusterSize());
        return vertx;
    }

    /** {@code POST /v1/arbitrations} decided by the platform's owner, wherever it arrives. */
    static OwnerRouting route(GridMember member, ArbitrationService arbitration, DecisionJournal journal,
                              MeterRegistry registry) {
        return new OwnerRouting(arbitration, member.ownership(), member.decisionLog(), member.store(), journal,
                registry);
    }

    /**
     * Publishes each decision this member records or moves to every member's feed, answers other
     * members' arbitration requests for the platforms it owns (once the other members know where to
     * send them), and adds the cluster routes.
     */
    static void serve(GridMember member, Vertx vertx, HttpServerVerticle http, OwnerRouting routing)
            throws TimeoutException {
        member.decisionLog().onChange(id -> vertx.eventBus().publish(EventBusAddresses.DECISIONS, id));
        routing.serve(vertx).await(30, TimeUnit.SECONDS);
        http.with(new ClusterRoutes(member.ownership())::register);
    }
}

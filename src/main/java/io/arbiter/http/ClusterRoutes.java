package io.arbiter.http;

import io.arbiter.grid.GridOwnership;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The cluster as this member sees it: its members and zones, whether it sees the majority that
 * decisions need, and which member decides for a platform (the owner of its partition).
 *
 * <pre>
 * curl -s localhost:8080/v1/cluster
 * curl -s localhost:8080/v1/cluster/owners/p1
 * </pre>
 */
public final class ClusterRoutes {

    private static final long SETTLED_WAIT_MILLIS = 2_000;

    private final GridOwnership ownership;
    private final AtomicReference<Future<Boolean>> settling = new AtomicReference<>();

    public ClusterRoutes(GridOwnership ownership) {
        this.ownership = ownership;
    }

    /** Adds {@code GET /v1/cluster} and {@code GET /v1/cluster/owners/{platformId}}. */
    public void register(Router router) {
        router.get("/v1/cluster").handler(this::cluster);
        router.get("/v1/cluster/owners/:platformId").handler(this::owner);
    }

    private void cluster(RoutingContext ctx) {
        settled(ctx.vertx()).timeout(SETTLED_WAIT_MILLIS, TimeUnit.MILLISECONDS).onComplete(settled -> {
            JsonArray members = new JsonArray();
            ownership.members().forEach(m -> members.add(member(m)));
            Responses.json(ctx, 200, new JsonObject().put("self", member(ownership.self())).put("members", members)
                    .put("majority", ownership.hasMajority()).put("membersNeeded", ownership.membersNeeded())
                    .put("settled", settled.succeeded() && settled.result()));
        });
    }

    /**
     * Whether partitions are settled: the question under way, or a new one. It asks every member and
     * may wait for them, so it is asked on a worker thread, never on the event loop.
     */
    private Future<Boolean> settled(Vertx vertx) {
        while (true) {
            Future<Boolean> current = settling.get();
            if (current != null && !current.isComplete()) {
                return current;
            }
            Promise<Boolean> asked = Promise.promise();
            if (settling.compareAndSet(current, asked.future())) {
                vertx.executeBlocking(ownership::isSettled, false).onComplete(asked);
                return asked.future();
            }
        }
    }

    private void owner(RoutingContext ctx) {
        String platformId = ctx.pathParam("platformId");
        ownership.ownerOf(platformId).ifPresentOrElse(
                m -> Responses.json(ctx, 200, new JsonObject().put("platformId", platformId).put("owner", member(m))),
                () -> Responses.error(ctx, 503, "no member owns platform '" + platformId
                        + "' right now (its partition is moving); ask again shortly"));
    }

    private static JsonObject member(GridOwnership.ClusterMember m) {
        return new JsonObject().put("id", m.id()).put("address", m.address()).put("zone", m.zone())
                .put("local", m.local());
    }
}

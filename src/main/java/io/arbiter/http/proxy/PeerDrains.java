package io.arbiter.http.proxy;

import io.arbiter.grid.GridOwnership;
import io.arbiter.grid.GridRoutes;
import io.arbiter.grid.RouteEntry;
import io.arbiter.http.EventBusAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The other members' half of a pause. Every member's router sends requests for a service, so a
 * pause is complete only when each of them holds the service's new requests and has had its
 * requests already forwarded to the instance answered. The pausing member asks every other member
 * over the clustered event bus ({@link EventBusAddresses#ROUTER_DRAIN} and the member's id); each
 * takes the paused route from the grid at once (without waiting for the grid's change notice),
 * waits until its own requests to the service are answered, and replies. A member that does not
 * reply within the router's hold timeout fails the pause (a migration then rolls back rather than
 * waits), unless it has left the cluster meanwhile: its router sends nothing any more. A member that
 * joins while the pause is under way is asked too.
 */
final class PeerDrains {

    private static final int UNAVAILABLE = 503;

    private final Vertx vertx;
    private final GridRoutes routes;
    private final RouterVerticle proxy;
    private final GridOwnership ownership;
    private final Duration timeout;

    PeerDrains(Vertx vertx, GridRoutes routes, RouterVerticle proxy, GridOwnership ownership, Duration timeout) {
        this.vertx = vertx;
        this.routes = routes;
        this.proxy = proxy;
        this.ownership = ownership;
        this.timeout = timeout;
    }

    /** Answers the other members' requests to drain a paused service on this member's router. */
    void serve() {
        vertx.eventBus().<JsonObject>consumer(EventBusAddresses.ROUTER_DRAIN + ownership.self().id(), this::drain);
    }

    /**
     * Completes once every other member's router holds {@code service} at route revision
     * {@code revision} (or later) and has drained it; fails when one that is still a member did not.
     */
    CompletionStage<Void> others(String service, long revision) {
        Set<String> asked = new HashSet<>();
        asked.add(ownership.self().id());
        return askNew(service, revision, asked);
    }

    private CompletionStage<Void> askNew(String service, long revision, Set<String> asked) {
        List<String> now = new ArrayList<>();
        ownership.members().forEach(m -> {
            if (!asked.contains(m.id())) {
                now.add(m.id());
            }
        });
        if (now.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        asked.addAll(now);
        List<CompletableFuture<Void>> replies = new ArrayList<>();
        for (String member : now) {
            replies.add(ask(member, service, revision).toCompletableFuture());
        }
        return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
                .thenCompose(v -> askNew(service, revision, asked));
    }

    private CompletionStage<Void> ask(String member, String service, long revision) {
        JsonObject request = new JsonObject().put("service", service).put("revision", revision);
        return vertx.eventBus().<JsonObject>request(EventBusAddresses.ROUTER_DRAIN + member, request,
                        new DeliveryOptions().setSendTimeout(timeout.toMillis()))
                .toCompletionStage()
                .handle((reply, failure) -> {
                    if (failure == null || ownership.members().stream().noneMatch(m -> m.id().equals(member))) {
                        return null;
                    }
                    throw new IllegalStateException("member " + member + " did not drain service '" + service
                            + "' on its router within " + timeout + ": " + failure.getMessage(), failure);
                });
    }

    private void drain(Message<JsonObject> request) {
        String service = request.body().getString("service");
        routes.route(service)
                .thenCompose(found -> found.map(this::take).orElseGet(() -> CompletableFuture.completedFuture(null)))
                .thenCompose(v -> proxy.drained(service).toCompletionStage())
                .whenComplete((v, failure) -> {
                    if (failure == null) {
                        request.reply(new JsonObject().put("service", service).put("drained", true));
                    } else {
                        request.fail(UNAVAILABLE, "could not drain service '" + service + "': " + failure.getMessage());
                    }
                });
    }

    private CompletionStage<Void> take(RouteEntry entry) {
        return proxy.apply(entry.route(), entry.revision()).toCompletionStage();
    }
}

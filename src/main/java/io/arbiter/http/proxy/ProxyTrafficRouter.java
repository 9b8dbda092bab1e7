package io.arbiter.http.proxy;

import io.arbiter.actuation.TrafficRouter;
import io.arbiter.domain.Route;
import io.arbiter.grid.GridOwnership;
import io.arbiter.grid.GridRoutes;
import io.arbiter.grid.RouteEntry;
import io.vertx.core.Vertx;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@link TrafficRouter} of the built-in router: routes live in the grid (every member's router
 * follows them), and this member's {@link RouterVerticle} takes each change at once rather than
 * waiting for the grid's notice.
 *
 * <p>{@link #pause} holds this router's new requests before it marks the route paused in the grid,
 * then completes only when <em>every</em> member's router holds the service and has had its
 * requests already forwarded to the instance answered: this one's, and each other member's, which
 * acknowledges over the event bus ({@link PeerDrains}). A member that does not acknowledge within
 * the router's hold timeout fails the pause. {@link #point} changes the instance, not whether the
 * service is held: a switch made while paused stays held until {@link #resume}, which sends the held
 * requests to the route then in force (other members' routers release theirs when they hear of the
 * resumed route, which names the new instance). Stages complete on the router's event loop or the
 * grid's threads: do not block in them.
 */
public final class ProxyTrafficRouter implements TrafficRouter {

    private final GridRoutes routes;
    private final RouterVerticle proxy;
    private final PeerDrains peers;

    private ProxyTrafficRouter(GridRoutes routes, RouterVerticle proxy, PeerDrains peers) {
        this.routes = routes;
        this.proxy = proxy;
        this.peers = peers;
    }

    /**
     * Has the deployed {@code proxy} follow the grid's routes (loaded now, then every change),
     * answers the other members' requests to drain on it over {@code vertx}'s event bus, and answers
     * the router.
     */
    public static ProxyTrafficRouter attach(GridRoutes routes, RouterVerticle proxy, Vertx vertx,
                                            GridOwnership ownership) {
        routes.onChange(entry -> proxy.apply(entry.route(), entry.revision()));
        routes.all().toCompletableFuture().join().forEach(entry -> proxy.apply(entry.route(), entry.revision()));
        PeerDrains peers = new PeerDrains(vertx, routes, proxy, ownership, proxy.holdTimeout());
        peers.serve();
        return new ProxyTrafficRouter(routes, proxy, peers);
    }

    @Override
    public CompletionStage<Optional<Route>> route(String service) {
        return routes.route(service).thenApply(found -> found.map(RouteEntry::route));
    }

    @Override
    public CompletionStage<Void> point(Route route) {
        return routes.update(route.service(), current -> new Route(route.service(), route.instanceId(),
                route.endpoint(), current != null && current.paused())).thenCompose(this::takeLocally);
    }

    /** Puts {@code route} in force unless its service has a route already (a newly started service). */
    public CompletionStage<Route> pointIfAbsent(Route route) {
        return routes.putIfAbsent(route).thenCompose(entry -> takeLocally(entry).thenApply(v -> entry.route()));
    }

    @Override
    public CompletionStage<Void> pause(String service) {
        return proxy.holdLocally(service).toCompletionStage()
                .thenCompose(v -> routes.update(service, current -> current == null ? null : current.withPaused(true)))
                .handle((entry, failure) -> {
                    if (failure != null) {
                        return proxy.endLocalHold(service).toCompletionStage()
                                .<Void>thenCompose(v -> CompletableFuture.failedFuture(failure));
                    }
                    CompletableFuture<Void> here = takeLocally(entry)
                            .thenCompose(v -> proxy.endLocalHold(service).toCompletionStage())
                            .thenCompose(v -> proxy.drained(service).toCompletionStage()).toCompletableFuture();
                    CompletableFuture<Void> elsewhere = peers.others(service, entry.revision()).toCompletableFuture();
                    return CompletableFuture.allOf(here, elsewhere);
                }).thenCompose(stage -> stage);
    }

    @Override
    public CompletionStage<Void> resume(String service) {
        return routes.update(service, current -> current == null ? null : current.withPaused(false))
                .thenCompose(this::takeLocally)
                .thenCompose(v -> proxy.endLocalHold(service).toCompletionStage());
    }

    private CompletionStage<Void> takeLocally(RouteEntry entry) {
        return proxy.apply(entry.route(), entry.revision()).toCompletionStage();
    }
}

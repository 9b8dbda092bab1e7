package io.arbiter.http.proxy;

import io.arbiter.domain.Route;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The built-in router's HTTP server. Each request names its service by the first path segment
 * ({@link ServicePath}); it is forwarded to the route in force, or held while the service is paused
 * and forwarded on release to the route then in force. A service with no route: 404; bad gateways:
 * 502/504; never a 500. Route changes arrive through {@link #apply}, from any thread; the state of
 * every service lives on this verticle's event loop. Per service, two gauges:
 * {@code arbiter_router_requests_in_flight} (forwarded, not yet answered by the instance: what a
 * pause waits for) and {@code arbiter_router_requests_held} (waiting for a paused service to resume).
 *
 * <pre>
 * curl -s -X PUT localhost:8081/shop/kv/cart-7 -d '3 apples'   # to the instance serving "shop", as /kv/cart-7
 * curl -s localhost:8081/shop/kv/cart-7
 * </pre>
 */
public final class RouterVerticle extends VerticleBase {

    /** How long an instance may stay silent on a forwarded request before the router answers 504. */
    private static final long IDLE_TIMEOUT_MILLIS = 30_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** Pooled connections to instances are dropped after this many idle seconds, before the instance does. */
    private static final int KEEP_ALIVE_SECONDS = 10;
    private static final int CONNECTIONS_PER_INSTANCE = 64;

    private final RouterOptions options;
    private final MeterRegistry registry;
    private final Map<String, ServiceLane> lanes = new HashMap<>();
    private HttpServer server;
    private HttpClient client;
    private Forwarder forwarder;

    /** A router listening as {@code options} say, its gauges in {@code registry}. */
    public RouterVerticle(RouterOptions options, MeterRegistry registry) {
        this.options = options;
        this.registry = registry;
    }

    @Override
    public Future<?> start() {
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                .setKeepAliveTimeout(KEEP_ALIVE_SECONDS), new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_INSTANCE));
        forwarder = new Forwarder(client, options.maxBodyBytes(), IDLE_TIMEOUT_MILLIS);
        server = vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port())
                .setCompressionSupported(false).setHttp2ClearTextEnabled(false)).requestHandler(this::handle);
        return server.listen();
    }

    @Override
    public Future<?> stop() {
        return client == null ? Future.succeededFuture() : client.close();
    }

    /** How long a request may be held while its service is paused before it is answered 503. */
    public Duration holdTimeout() {
        return options.holdTimeout();
    }

    /** The port the router listens on (useful when configured with port 0). */
    public int port() {
        return server.actualPort();
    }

    /** Stops accepting connections and lets requests under way finish, for at most {@code grace}. */
    public Future<Void> shutdown(Duration grace) {
        return server == null ? Future.succeededFuture() : server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes {@code route} (revision {@code revision}) unless a newer one is in force; releases held requests if it does not hold. */
    public Future<Void> apply(Route route, long revision) {
        return onLoop(route.service(), lane -> {
            if (lane.offer(route, revision) && !lane.holding()) {
                release(lane);
            }
        });
    }

    /** Holds new requests for {@code service} from now on, whatever the routes say, until {@link #endLocalHold}. */
    public Future<Void> holdLocally(String service) {
        return onLoop(service, ServiceLane::holdLocally);
    }

    /** Ends the local hold of {@code service}; held requests go out unless its route is paused. */
    public Future<Void> endLocalHold(String service) {
        return onLoop(service, lane -> {
            lane.endLocalHold();
            if (!lane.holding()) {
                release(lane);
            }
        });
    }

    /** Completes once every request this router forwarded for {@code service} has been answered. */
    public Future<Void> drained(String service) {
        Promise<Void> drained = Promise.promise();
        onLoop(service, lane -> lane.whenDrained(drained)).onFailure(drained::tryFail);
        return drained.future();
    }

    /** What this router knows of {@code service}: route, revision, held and unanswered requests. */
    Future<Optional<LaneView>> view(String service) {
        Promise<Optional<LaneView>> view = Promise.promise();
        context.runOnContext(v -> {
            ServiceLane lane = lanes.get(service);
            view.complete(Optional.ofNullable(lane).map(l -> new LaneView(l.route(), l.revision(), l.holding(),
                    l.heldCount(), l.inFlight())));
        });
        return view.future();
    }

    /** A service as seen by {@link #view}. */
    record LaneView(Route route, long revision, boolean holding, int held, int inFlight) {
    }

    private Future<Void> onLoop(String service, Consumer<ServiceLane> change) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            change.accept(lanes.computeIfAbsent(service, this::newLane));
            done.complete();
        });
        return done.future();
    }

    private ServiceLane newLane(String service) {
        ServiceLane lane = new ServiceLane();
        Gauge.builder("arbiter.router.requests.in.flight", lane, ServiceLane::inFlight).tag("service", service)
                .description("Requests the router forwarded to the service's instance and has no answer for yet")
                .strongReference(true).register(registry);
        Gauge.builder("arbiter.router.requests.held", lane, ServiceLane::heldCount).tag("service", service)
                .description("Requests the router holds while the service is paused").strongReference(true)
                .register(registry);
        return lane;
    }

    private void handle(HttpServerRequest request) {
        request.pause();
        Optional<ServicePath> path = ServicePath.parse(request.uri());
        if (path.isEmpty()) {
            ProxyAnswers.error(request, 404, "name a service: http://" + options.host() + ":" + port()
                    + "/{service}/…");
            return;
        }
        ServiceLane lane = lanes.get(path.get().service());
        if (lane == null || (lane.route() == null && !lane.holding())) {
            ProxyAnswers.error(request, 404, "no route for service '" + path.get().service() + "'");
            return;
        }
        if (lane.holding()) {
            hold(lane, request, path.get());
        } else {
            send(lane, request, path.get());
        }
    }

    private void hold(ServiceLane lane, HttpServerRequest request, ServicePath path) {
        ServiceLane.Held[] held = new ServiceLane.Held[1];
        long timer = vertx.setTimer(options.holdTimeout().toMillis(), id -> {
            if (lane.unhold(held[0])) {
                ProxyAnswers.error(request, 503, "service '" + path.service() + "' was held for longer than "
                        + options.holdTimeout() + "; try again");
            }
        });
        held[0] = new ServiceLane.Held(request, path, timer);
        lane.hold(held[0]);
    }

    private void release(ServiceLane lane) {
        for (ServiceLane.Held held : lane.releaseAll()) {
            vertx.cancelTimer(held.timerId());
            send(lane, held.request(), held.path());
        }
    }

    private void send(ServiceLane lane, HttpServerRequest request, ServicePath path) {
        Route route = lane.route();
        if (route == null) {
            ProxyAnswers.error(request, 404, "no route for service '" + path.service() + "'");
            return;
        }
        lane.sent();
        forwarder.forward(request, path, route, lane::answered);
    }
}

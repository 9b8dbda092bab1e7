package io.arbiter.http.proxy;

import io.arbiter.actuation.ManualScheduler;
import io.arbiter.actuation.SimulatorDriver;
import io.arbiter.domain.Endpoint;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceKind;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Route;
import io.arbiter.grid.GridMember;
import io.arbiter.grid.GridOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A grid member, the built-in router on a free port following its route table, and a simulator
 * driver whose service instances are live backends: what the router's tests run against.
 */
final class RouterFixture implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final GridMember member;
    final Vertx vertx;
    final RouterVerticle proxy;
    final ProxyTrafficRouter router;
    final SimulatorDriver driver;

    RouterFixture(long maxBodyBytes) throws Exception {
        member = GridMember.start(new GridOptions(null, null, Duration.ofHours(1)));
        vertx = Vertx.vertx();
        proxy = new RouterVerticle(new RouterOptions("127.0.0.1", 0, maxBodyBytes, Duration.ofSeconds(30)),
                registry);
        vertx.deployVerticle(proxy).await(30, TimeUnit.SECONDS);
        router = ProxyTrafficRouter.attach(member.routes(), proxy, vertx, member.ownership());
        driver = new SimulatorDriver(new ManualScheduler(T0), SimulatorDriver.Behaviour.stopsAfter(Duration.ZERO));
    }

    @Override
    public void close() throws Exception {
        driver.close();
        vertx.close().await(10, TimeUnit.SECONDS);
        member.close();
    }

    static Instance instance(String id, String platform, String service) {
        return new Instance(id, "c1", platform, InstanceKind.UNINTERRUPTIBLE, new Resources(1, 1), service,
                T0.minusSeconds(3600), InstanceState.RUNNING);
    }

    /** A live backend for {@code service} on p1, routed to. */
    Instance serving(String id, String service) {
        Instance i = instance(id, "p1", service);
        Endpoint at = driver.startBackend(i);
        join(router.point(new Route(service, id, at, false)));
        return i;
    }

    /** The router's gauge {@code name} for {@code service}. */
    double gauge(String name, String service) {
        return registry.get(name).tag("service", service).gauge().value();
    }

    static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + proxy.port() + path);
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        return HTTP.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest request(String method, String path, String body) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
    }
}

package io.arbiter.http.proxy;

import com.hazelcast.core.Hazelcast;
import io.arbiter.actuation.ManualScheduler;
import io.arbiter.actuation.SimulatorDriver;
import io.arbiter.domain.Endpoint;
import io.arbiter.domain.Instance;
import io.arbiter.domain.Route;
import io.arbiter.grid.EventBusCluster;
import io.arbiter.grid.GridMember;
import io.arbiter.grid.GridOptions;
import io.arbiter.http.EventBusAddresses;
import io.arbiter.testing.ClusterFiles;
import io.arbiter.testing.FreePorts;
import io.arbiter.testing.SlowWrite;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.arbiter.http.proxy.RouterFixture.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pausing a service on a cluster: three grid members in this JVM on the shipped
 * {@code cluster.yaml} (free ports), with the Vert.x event bus clustered over them. Members a and b
 * run the built-in router; member c only answers drain requests, or stays silent when told to. A
 * pause asked on a completes only once b's router has drained, and fails when c does not answer.
 */
class ClusterPauseIT {

    private static final Duration HOLD = Duration.ofSeconds(4);

    private static final List<GridMember> members = new ArrayList<>();
    private static final List<Vertx> buses = new ArrayList<>();
    private static final AtomicBoolean silent = new AtomicBoolean();
    private static RouterVerticle proxyA;
    private static RouterVerticle proxyB;
    private static ProxyTrafficRouter routerA;
    private static SimulatorDriver driver;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("arbiter-pause-");
        List<Path> files = ClusterFiles.write(dir, FreePorts.distinct(3));
        List<CompletableFuture<GridMember>> starting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            GridOptions options = new GridOptions(files.get(i), "zone-" + (char) ('a' + i), Duration.ofHours(1), config -> {
                config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
                return Hazelcast.newHazelcastInstance(config);
            });
            starting.add(CompletableFuture.supplyAsync(() -> GridMember.start(options)));
        }
        for (CompletableFuture<GridMember> m : starting) {
            members.add(m.get(120, TimeUnit.SECONDS));
        }
        await().atMost(60, TimeUnit.SECONDS).until(() -> members.stream().allMatch(m -> m.clusterSize() == 3));
        for (GridMember m : members) {
            buses.add(Vertx.builder().withClusterManager(EventBusCluster.over(m)).buildClustered()
                    .await(60, TimeUnit.SECONDS));
        }
        proxyA = deployRouter(0);
        proxyB = deployRouter(1);
        routerA = ProxyTrafficRouter.attach(members.get(0).routes(), proxyA, buses.get(0), members.get(0).ownership());
        ProxyTrafficRouter.attach(members.get(1).routes(), proxyB, buses.get(1), members.get(1).ownership());
        buses.get(2).eventBus().<JsonObject>consumer(EventBusAddresses.ROUTER_DRAIN
                + members.get(2).ownership().self().id(), request -> {
                    if (!silent.get()) {
                        request.reply(new JsonObject().put("drained", true));
                    }
                });
        driver = new SimulatorDriver(new ManualScheduler(RouterFixture.T0),
                SimulatorDriver.Behaviour.stopsAfter(Duration.ZERO));
    }

    private static RouterVerticle deployRouter(int member) throws Exception {
        RouterVerticle proxy = new RouterVerticle(new RouterOptions("127.0.0.1", 0, 1024 * 1024, HOLD),
                new SimpleMeterRegistry());
        buses.get(member).deployVerticle(proxy).await(30, TimeUnit.SECONDS);
        return proxy;
    }

    @AfterAll
    static void stop() throws Exception {
        driver.close();
        for (Vertx bus : buses) {
            bus.close().await(10, TimeUnit.SECONDS);
        }
        members.forEach(GridMember::close);
    }

    /** A live backend serving {@code service}, routed to, and followed by both routers. */
    private static void serve(String service) {
        Instance instance = RouterFixture.instance(service + "-1", "p1", service);
        Endpoint at = driver.startBackend(instance);
        join(routerA.point(new Route(service, instance.instanceId(), at, false)));
        await().atMost(10, TimeUnit.SECONDS).until(() -> view(proxyB, service).route() != null);
    }

    private static RouterVerticle.LaneView view(RouterVerticle proxy, String service) {
        return proxy.view(service).toCompletionStage().toCompletableFuture().join()
                .orElse(new RouterVerticle.LaneView(null, -1, false, 0, 0));
    }

    private static HttpResponse<String> get(RouterVerticle proxy, String path) throws Exception {
        return RouterFixture.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                + proxy.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPauseCompletesOnlyOnceTheOtherMembersRouterHasHadItsRequestToTheInstanceAnswered() throws Exception {
        serve("shop");
        try (SlowWrite write = SlowWrite.open(proxyB.port(), "/shop/kv/late", "written through b")) {
            await().atMost(10, TimeUnit.SECONDS).until(() -> view(proxyB, "shop").inFlight() == 1);

            CompletableFuture<Void> paused = routerA.pause("shop").toCompletableFuture();

            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> !paused.isDone());
            assertThat(view(proxyB, "shop").holding()).as("b holds new requests meanwhile").isTrue();
            assertThat(write.finish()).isEqualTo(200);
            paused.get(HOLD.toSeconds(), TimeUnit.SECONDS);
        }
        join(routerA.resume("shop"));
        HttpResponse<String> read = get(proxyA, "/shop/kv/late");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("written through b");
    }

    @Test
    void aMemberThatDoesNotConfirmItsDrainFailsThePauseWithinTheHoldTimeout() throws Exception {
        serve("cart");
        silent.set(true);
        try {
            long start = System.nanoTime();
            CompletableFuture<Void> paused = routerA.pause("cart").toCompletableFuture();

            await().atMost(HOLD.plusSeconds(3)).until(paused::isDone);
            assertThat(paused).isCompletedExceptionally();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(HOLD.minusMillis(100));
            assertThat(paused.handle((v, f) -> f.getMessage()).join())
                    .contains(members.get(2).ownership().self().id()).contains("did not drain service 'cart'");
        } finally {
            silent.set(false);
            join(routerA.resume("cart"));
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> !view(proxyB, "cart").holding());
        assertThat(get(proxyB, "/cart/health").statusCode()).isEqualTo(200);
    }
}

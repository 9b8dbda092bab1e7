package io.arbiter.http.proxy;

import com.sun.net.httpserver.HttpServer;
import io.arbiter.actuation.SimulatorDriver;
import io.arbiter.domain.Endpoint;
import io.arbiter.domain.Instance;
import io.arbiter.domain.Route;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.arbiter.http.proxy.RouterFixture.instance;
import static io.arbiter.http.proxy.RouterFixture.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The built-in router over a real grid member and live simulated backends, through real HTTP clients. */
class RouterIT {

    private static final long LIMIT = 256 * 1024;
    private static final HttpClient HTTP = RouterFixture.HTTP;

    private static RouterFixture fixture;
    private static RouterVerticle proxy;
    private static ProxyTrafficRouter router;
    private static SimulatorDriver driver;

    @BeforeAll
    static void start() throws Exception {
        fixture = new RouterFixture(LIMIT);
        proxy = fixture.proxy;
        router = fixture.router;
        driver = fixture.driver;
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static Instance serving(String id, String service) {
        return fixture.serving(id, service);
    }

    private static URI uri(String path) {
        return fixture.uri(path);
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return fixture.send(method, path, body);
    }

    private static HttpRequest request(String method, String path, String body) {
        return fixture.request(method, path, body);
    }

    @Test
    void forwardsByServiceNameWithThePathAndQueryAndStreamsBodiesBothWays() throws Exception {
        serving("fw-1", "fw");
        byte[] big = new byte[200 * 1024];
        Arrays.fill(big, (byte) 'x');

        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(uri("/fw/kv/big?ignored=1"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<byte[]> get = HTTP.send(HttpRequest.newBuilder(uri("/fw/kv/big")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).isEqualTo("{\"key\":\"big\",\"version\":1}");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(big);
        assertThat(get.headers().firstValue("X-Instance")).hasValue("fw-1");
        assertThat(send("GET", "/fw/health", null).body()).contains("\"instanceId\":\"fw-1\"");
        assertThat(send("GET", "/fw/kv/missing", null).statusCode()).as("the instance's own 404").isEqualTo(404);
    }

    @Test
    void anUnknownServiceOrNoServiceIsA404WithAJsonError() throws Exception {
        HttpResponse<String> unknown = send("GET", "/nobody/kv/a", null);
        HttpResponse<String> none = send("GET", "/", null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(new JsonObject(unknown.body()).getString("error")).isEqualTo("no route for service 'nobody'");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(none.body()).getString("error")).startsWith("name a service");
    }

    @Test
    void anUnreachableInstanceIsA502WithAJsonError() throws Exception {
        Instance gone = serving("dead-1", "dead");
        join(driver.terminate(gone));

        HttpResponse<String> answer = send("PUT", "/dead/kv/a", "v");

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(new JsonObject(answer.body()).getString("error"))
                .startsWith("service 'dead': instance dead-1 at 127.0.0.1:").contains("unreachable");
    }

    @Test
    void aBodyOverTheLimitIsA413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        Instance target = serving("big-1", "big");
        byte[] tooBig = new byte[(int) LIMIT + 1];

        HttpResponse<String> declared = HTTP.send(HttpRequest.newBuilder(uri("/big/kv/a"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(tooBig)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chunked = HTTP.send(HttpRequest.newBuilder(uri("/big/kv/b"))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooBig))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(new JsonObject(declared.body()).getString("error")).contains("limit of " + LIMIT + " bytes");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(send("GET", "/big/health", null).body()).as("nothing was stored").contains("\"version\":0");
        assertThat(driver.endpoint(target).toCompletableFuture().join()).isNotNull();
    }

    @Test
    void whilePausedRequestsAreHeldAndResumeSendsThemToTheRouteThenInForce() throws Exception {
        serving("hold-1", "hold");
        Instance copy = instance("hold-2", "p2", "hold");
        Endpoint copyAt = driver.startBackend(copy);

        join(router.pause("hold"));
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            held.add(HTTP.sendAsync(request("PUT", "/hold/kv/k" + n, "v" + n), HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> join(proxy.view("hold").toCompletionStage())
                .map(RouterVerticle.LaneView::held).orElse(0) == 5);
        assertThat(held).noneMatch(CompletableFuture::isDone);
        assertThat(fixture.gauge("arbiter.router.requests.held", "hold")).as("held, on the gauge").isEqualTo(5);
        assertThat(join(router.route("hold"))).hasValueSatisfying(r -> assertThat(r.paused()).isTrue());

        join(router.point(new Route("hold", "hold-2", copyAt, false)));
        assertThat(join(proxy.view("hold").toCompletionStage()).orElseThrow().held())
                .as("a switch while paused keeps holding").isEqualTo(5);
        join(router.resume("hold"));

        for (CompletableFuture<HttpResponse<String>> answer : held) {
            HttpResponse<String> r = answer.get(10, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Instance")).hasValue("hold-2");
        }
        assertThat(join(router.route("hold")).orElseThrow()).isEqualTo(new Route("hold", "hold-2", copyAt, false));
        assertThat(fixture.gauge("arbiter.router.requests.held", "hold")).as("none held after the resume").isZero();
    }

    @Test
    void pauseCompletesOnlyOnceTheRequestsAlreadySentAreAnswered() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        HttpServer slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slow.createContext("/", exchange -> {
            try (exchange) {
                answer.await(20, TimeUnit.SECONDS);
                byte[] body = "late".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        slow.start();
        try {
            join(router.point(new Route("slow", "slow-1", new Endpoint("127.0.0.1", slow.getAddress().getPort()),
                    false)));
            CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(request("GET", "/slow/x", null),
                    HttpResponse.BodyHandlers.ofString());
            await().atMost(10, TimeUnit.SECONDS).until(() -> join(proxy.view("slow").toCompletionStage())
                    .map(RouterVerticle.LaneView::inFlight).orElse(0) == 1);
            assertThat(fixture.gauge("arbiter.router.requests.in.flight", "slow")).as("in flight, on the gauge")
                    .isEqualTo(1);

            CompletableFuture<Void> paused = router.pause("slow").toCompletableFuture();
            await().during(300, TimeUnit.MILLISECONDS).atMost(2, TimeUnit.SECONDS).until(() -> !paused.isDone());
            answer.countDown();

            paused.get(10, TimeUnit.SECONDS);
            assertThat(inFlight.get(10, TimeUnit.SECONDS).body()).isEqualTo("late");
            await().atMost(10, TimeUnit.SECONDS)
                    .until(() -> fixture.gauge("arbiter.router.requests.in.flight", "slow") == 0);
            join(router.resume("slow"));
        } finally {
            slow.stop(0);
        }
    }

    @Test
    void pausingOrResumingAServiceWithoutARouteFailsClearlyAndHoldsNothing() throws Exception {
        assertThat(router.pause("ghost").toCompletableFuture()).failsWithin(10, TimeUnit.SECONDS)
                .withThrowableThat().withMessageContaining("no route for service 'ghost'");
        assertThat(router.resume("ghost").toCompletableFuture()).failsWithin(10, TimeUnit.SECONDS)
                .withThrowableThat().withMessageContaining("no route for service 'ghost'");
        assertThat(send("GET", "/ghost/x", null).statusCode()).isEqualTo(404);
    }
}

package io.arbiter.http;

import io.arbiter.testing.Http;
import io.arbiter.testing.TestNode;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.concurrent.TimeUnit;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.instance;
import static io.arbiter.testing.Events.platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A node brings a registered instance's service to life behind its router, and takes simulator controls for migrations. */
class RouterWiringIT {

    private static TestNode node;
    private static Http http;
    private static Http router;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        http = node.http();
        router = new Http(node.routerPort());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void anInstanceRegisteredWithAServiceServesThroughTheRouterByServiceName() {
        JsonArray events = new JsonArray().add(platform("w-p", "w-p1", 16, 64)).add(client("w-c", "w-c1", "gold"))
                .add(instance("w-i", "w-i1", "w-c1", "w-p1", "uninterruptible", 2, 4).put("service", "wired"));
        assertThat(http.events(events.encode()).status()).isEqualTo(202);

        await().atMost(20, TimeUnit.SECONDS).until(() -> router.get("/wired/health").status() == 200);
        router.send(HttpRequest.newBuilder(router.uri("/wired/kv/a")).PUT(HttpRequest.BodyPublishers.ofString("1")));
        Http.Answer read = router.get("/wired/kv/a");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("1");
        assertThat(router.get("/wired/health").json().getString("instanceId")).isEqualTo("w-i1");
        assertThat(router.get("/unknown/kv/a").status()).isEqualTo(404);
    }

    @Test
    void aRestoreCanBeSetToHangOverHttpAndUnknownChoicesAreRefused() {
        Http.Answer set = http.send(HttpRequest.newBuilder(http.uri("/v1/simulator/instances/w-i2"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"onRestore\":\"hang\",\"snapshotDelay\":\"PT1S\"}")));
        Http.Answer bad = http.send(HttpRequest.newBuilder(http.uri("/v1/simulator/instances/w-i2"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"onRestore\":\"maybe\",\"restoreDelay\":\"soon\"}")));

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().getString("onRestore")).isEqualTo("hang");
        assertThat(set.json().getString("snapshotDelay")).isEqualTo("PT1S");
        assertThat(set.json().getString("onShutdown")).as("left as it was").isEqualTo("stop");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errors().stream().map(e -> ((io.vertx.core.json.JsonObject) e).getString("field")))
                .containsExactlyInAnyOrder("onRestore", "restoreDelay");
    }
}

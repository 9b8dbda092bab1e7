package io.arbiter.http;

import io.arbiter.testing.Http;
import io.arbiter.testing.PolicyEdits;
import io.arbiter.testing.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.instance;
import static io.arbiter.testing.Events.platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Migrations over HTTP with real traffic: a client keeps writing and reading through the built-in
 * router while an uninterruptible instance (a live key-value backend of the simulator) is moved to
 * a shadow slot. No request may fail, no acknowledged write may be lost, and the client is charged
 * exactly once; a migration that times out during restore leaves the original serving.
 */
class MigrationIT {

    private static TestNode node;
    private static Http http;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        http = node.http();
        http.editPolicy(policy -> {
            PolicyEdits.scoreBySlaTierAlone(policy);
            policy.getJsonObject("migration").put("timeout", "PT30S").put("stepTimeout", "PT3S");
        });
        http.events(client("m-vip", "vip", "platinum").encode());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** A full platform of 16 cores: a silver client's uninterruptible 8-core service and a gold one's; a free slot elsewhere. */
    private static Setup setUp() {
        String p = "p-" + UUID.randomUUID().toString().substring(0, 8);
        String hourAgo = Instant.now().minusSeconds(3600).toString();
        Setup s = new Setup(p, "spare-" + p, "silver-" + p, p + "-shop", p + "-u1", "slot-" + p);
        JsonArray events = new JsonArray().add(platform("e-" + p, p, 16, 64)).add(platform("e-" + s.spare, s.spare, 64, 256))
                .add(client("c-" + p, s.client, "silver")).add(client("g-" + p, "gold-" + p, "gold"))
                .add(instance("e-" + s.instance, s.instance, s.client, p, "uninterruptible", 8, 8)
                        .put("time", hourAgo).put("service", s.service))
                .add(instance("e-" + p + "-g1", p + "-g1", "gold-" + p, p, "uninterruptible", 8, 8).put("time", hourAgo))
                .add(new JsonObject().put("id", "r-" + s.slot).put("type", "shadow.registered").put("slotId", s.slot)
                        .put("platformId", s.spare).put("capacity", new JsonObject().put("cpu", 8).put("memoryGiB", 16)));
        Http.Answer answer = http.events(events.encode());
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        await().atMost(30, TimeUnit.SECONDS).until(() -> http.get("/v1/clients/" + s.client).json().getValue("cvs") != null
                && http.get("/v1/clients/vip").json().getValue("cvs") != null);
        return s;
    }

    private record Setup(String platform, String spare, String client, String service, String instance, String slot) {
    }

    private static JsonObject extremeContention(String id, String platformId) {
        return new JsonObject().put("id", id).put("type", "contention").put("platformId", platformId)
                .put("reason", "capacity").put("severity", "extreme")
                .put("need", new JsonObject().put("cpu", 8).put("memoryGiB", 0)).put("beneficiary", "vip");
    }

    private static String status(String actionId) {
        return http.get("/v1/actions/" + actionId).json().getString("status");
    }

    @Test
    void anInstanceMovesUnderLoadWithoutAFailedRequestOrALostWriteAndItsClientIsChargedOnce() throws Exception {
        Setup s = setUp();
        try (Traffic traffic = new Traffic(node.routerPort(), s.service)) {
            traffic.awaitWrites(50);

            Http.Answer answer = http.post("/v1/arbitrations", "application/json",
                    extremeContention("k-" + s.platform, s.platform).encode());

            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            JsonArray actions = answer.json().getJsonArray("actions");
            assertThat(actions.stream().map(a -> ((JsonObject) a).getString("type")).toList())
                    .containsExactly("migrate", "penalize", "downgrade");
            JsonObject migrate = actions.getJsonObject(0);
            assertThat(migrate.getString("instanceId")).isEqualTo(s.instance);
            assertThat(migrate.getString("shadowSlot")).isEqualTo(s.slot);
            String id = migrate.getString("actionId");
            await().atMost(30, TimeUnit.SECONDS).until(() -> ActionStates.isFinal(status(id)));
            assertThat(status(id)).isEqualTo("completed");
            int writesAtSwitch = traffic.acknowledged.size();
            traffic.awaitWrites(writesAtSwitch + 50);
            traffic.stop();

            assertThat(traffic.failures).as("failed requests through the router").isEmpty();
            traffic.assertEveryAcknowledgedWriteReadable();
            System.out.printf("migration under load: %d writes acknowledged, longest gap without a response %d ms%n",
                    traffic.acknowledged.size(), traffic.longestGapMillis());
            List<String> history = http.get("/v1/actions/" + id).json().getJsonArray("history").stream()
                    .map(h -> ((JsonObject) h).getString("status")).toList();
            assertThat(history).containsExactly("pending", "reserving", "snapshotting", "restoring", "pausing",
                    "final-copy", "switching", "resuming", "terminating-original", "releasing", "completed");
        }
        await().atMost(10, TimeUnit.SECONDS).until(() ->
                "migrated".equals(http.get("/v1/instances/" + s.instance).json().getString("state")));
        await().atMost(10, TimeUnit.SECONDS).until(() ->
                http.get("/v1/platforms/" + s.platform).json().getJsonObject("free").getDouble("cpu") == 8.0);
        JsonArray ledger = http.get("/v1/ledger?clientId=" + s.client).json().getJsonArray("entries");
        assertThat(ledger).hasSize(2);
        JsonObject penalty = ledger.stream().map(e -> (JsonObject) e).filter(e -> "penalty".equals(e.getString("type")))
                .findFirst().orElseThrow();
        assertThat(penalty.getString("amount")).isEqualTo("500.00");
        assertThat(penalty.getString("currency")).isEqualTo("EUR");
        await().atMost(30, TimeUnit.SECONDS).until(() ->
                http.get("/v1/clients/" + s.client).json().getDouble("cvs") < 0.3);

        Http.Answer again = http.post("/v1/arbitrations", "application/json",
                extremeContention("k-" + s.platform, s.platform).encode());
        assertThat(again.status()).isEqualTo(200);
        assertThat(http.get("/v1/ledger?clientId=" + s.client).json().getJsonArray("entries")).hasSize(2);
    }

    @Test
    void aMigrationThatTimesOutDuringRestoreLeavesTheOriginalServingAndReleasesTheSlot() throws Exception {
        Setup s = setUp();
        Http.Answer hang = http.send(HttpRequest.newBuilder(http.uri("/v1/simulator/instances/" + s.instance))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"onRestore\":\"hang\"}")));
        assertThat(hang.status()).as(hang.body()).isEqualTo(200);
        try (Traffic traffic = new Traffic(node.routerPort(), s.service)) {
            traffic.awaitWrites(50);

            Http.Answer answer = http.post("/v1/arbitrations", "application/json",
                    extremeContention("k-" + s.platform, s.platform).encode());

            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            String id = answer.json().getJsonArray("actions").getJsonObject(0).getString("actionId");
            await().atMost(30, TimeUnit.SECONDS).until(() -> ActionStates.isFinal(status(id)));
            assertThat(status(id)).isEqualTo("aborted");
            JsonArray history = http.get("/v1/actions/" + id).json().getJsonArray("history");
            assertThat(history.getJsonObject(history.size() - 2).getString("note")).contains("step timeout");
            JsonObject inDecision = http.get("/v1/decisions/" + answer.json().getString("decisionId")).json()
                    .getJsonArray("actions").getJsonObject(0);
            assertThat(inDecision.getString("status")).isEqualTo("aborted");
            assertThat(inDecision.getString("note")).contains("step timeout");
            int before = traffic.acknowledged.size();
            traffic.awaitWrites(before + 50);
            traffic.stop();

            assertThat(traffic.failures).as("failed requests through the router").isEmpty();
            traffic.assertEveryAcknowledgedWriteReadable();
            System.out.printf("migration rolled back after a restore timeout: %d writes acknowledged, longest gap "
                    + "without a response %d ms%n", traffic.acknowledged.size(), traffic.longestGapMillis());
        }
        assertThat(http.get("/v1/instances/" + s.instance).json().getString("state")).isEqualTo("running");
        assertThat(http.get("/v1/ledger?clientId=" + s.client).json().getJsonArray("entries")).isEmpty();
        JsonObject plan = http.post("/v1/arbitrations?dryRun=true", "application/json",
                extremeContention("k2-" + s.platform, s.platform).encode()).json();
        assertThat(plan.getJsonArray("actions").getJsonObject(0).getString("shadowSlot"))
                .as("the slot is free again").isEqualTo(s.slot);
    }

    /** What counts as a final action state on the wire. */
    private static final class ActionStates {
        static boolean isFinal(String status) {
            return List.of("completed", "aborted", "failed", "stopped", "terminated").contains(status);
        }
    }

    /**
     * A client writing key after key through the router and reading the previous one back, one
     * request at a time, noting every failure and the longest time without an answer.
     */
    private static final class Traffic implements AutoCloseable {
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong longestGap = new AtomicLong();
        private final Thread thread;

        Traffic(int routerPort, String service) {
            this.base = "http://127.0.0.1:" + routerPort + "/" + service;
            this.thread = new Thread(this::run, "traffic-" + service);
            thread.start();
        }

        private void run() {
            long last = System.nanoTime();
            for (int n = 0; running.get(); n++) {
                String key = "k" + n;
                String value = "v" + n + "-" + UUID.randomUUID();
                try {
                    HttpResponse<String> put = client.send(HttpRequest.newBuilder(URI.create(base + "/kv/" + key))
                            .timeout(Duration.ofSeconds(10)).PUT(HttpRequest.BodyPublishers.ofString(value)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    last = gap(last);
                    if (put.statusCode() / 100 != 2) {
                        failures.add("PUT " + key + ": " + put.statusCode() + " " + put.body());
                        continue;
                    }
                    acknowledged.put(key, value);
                    if (n > 0 && acknowledged.containsKey("k" + (n - 1))) {
                        HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create(base + "/kv/k" + (n - 1)))
                                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                        last = gap(last);
                        if (get.statusCode() != 200 || !get.body().equals(acknowledged.get("k" + (n - 1)))) {
                            failures.add("GET k" + (n - 1) + ": " + get.statusCode() + " " + get.body());
                        }
                    }
                } catch (Exception e) {
                    failures.add(key + ": " + e);
                }
            }
        }

        private long gap(long last) {
            long now = System.nanoTime();
            longestGap.accumulateAndGet(now - last, Math::max);
            return now;
        }

        void awaitWrites(int count) {
            await().atMost(30, TimeUnit.SECONDS).until(() -> acknowledged.size() >= count || !failures.isEmpty());
        }

        long longestGapMillis() {
            return TimeUnit.NANOSECONDS.toMillis(longestGap.get());
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(TimeUnit.SECONDS.toMillis(20));
        }

        void assertEveryAcknowledgedWriteReadable() throws Exception {
            for (Map.Entry<String, String> e : acknowledged.entrySet()) {
                HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create(base + "/kv/" + e.getKey()))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(get.statusCode()).as("GET " + e.getKey()).isEqualTo(200);
                assertThat(get.body()).as("GET " + e.getKey()).isEqualTo(e.getValue());
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}

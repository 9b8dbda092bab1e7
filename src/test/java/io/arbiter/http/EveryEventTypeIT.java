package io.arbiter.http;

import io.arbiter.testing.EventSocketClient;
import io.arbiter.testing.Http;
import io.arbiter.testing.Metrics;
import io.arbiter.testing.NodeReads;
import io.arbiter.testing.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.clientUpdated;
import static io.arbiter.testing.Events.contention;
import static io.arbiter.testing.Events.demand;
import static io.arbiter.testing.Events.forecast;
import static io.arbiter.testing.Events.instance;
import static io.arbiter.testing.Events.instanceStopped;
import static io.arbiter.testing.Events.payment;
import static io.arbiter.testing.Events.platform;
import static io.arbiter.testing.Events.shadowSlot;
import static io.arbiter.testing.Events.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every event type of API.md, sent once over {@code POST /v1/events} and once over the WebSocket
 * {@code /v1/events/ws}, each time to a fresh node and each event alone (one request, one frame):
 * every one is answered as accepted, counted in {@code arbiter_events_accepted_total{type}}, and has
 * the effect the read API shows — platforms and their room, instances and their usage, clients with
 * their tier, factors and projected need, a shadow slot a dry-run migration plan then uses, and the
 * decision a contention leads to. The order lets each effect show: a factor's explanation is only
 * replaced when the score moves by at least {@code score.epsilon}, so each input moves it by more.
 */
class EveryEventTypeIT {

    /** The event types of API.md. */
    private static final List<String> TYPES = List.of("platform.registered", "client.registered", "client.updated",
            "instance.started", "instance.stopped", "usage", "forecast", "payment", "demand", "shadow.registered",
            "contention");

    @Test
    void everyEventTypeSentToPostEventsIsAcceptedAndTakesEffect() throws Exception {
        try (TestNode node = TestNode.start(); Producer post = new Post(node.http())) {
            new EveryType(node.http(), post).sendEachAndReadItsEffect();
        }
    }

    @Test
    void everyEventTypeSentOverTheWebSocketIsAcceptedAndTakesEffect() throws Exception {
        try (TestNode node = TestNode.start(); Producer socket = Socket.connect(node.port())) {
            new EveryType(node.http(), socket).sendEachAndReadItsEffect();
        }
    }

    /** How a producer sends one event; answers the node's acknowledgement, {@code {"accepted":N,"duplicates":N}}. */
    private interface Producer extends AutoCloseable {

        JsonObject send(JsonObject event) throws Exception;
    }

    /** {@code POST /v1/events}, one event per request. */
    private record Post(Http http) implements Producer {

        @Override
        public JsonObject send(JsonObject event) {
            Http.Answer answer = http.events(event.encode());
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            return answer.json();
        }

        @Override
        public void close() {
        }
    }

    /**
     * {@code /v1/events/ws} with the JDK's WebSocket client, one event per frame; each frame's answer
     * must come before the next frame is sent and carry that frame's sequence number.
     */
    private static final class Socket implements Producer {
        private final EventSocketClient client;
        private long frames;

        private Socket(EventSocketClient client) {
            this.client = client;
        }

        static Socket connect(int port) throws Exception {
            return new Socket(EventSocketClient.connect(port));
        }

        @Override
        public JsonObject send(JsonObject event) throws Exception {
            client.send(event.encode());
            frames++;
            JsonObject reply = client.reply(30);
            assertThat(reply.getLong("seq")).as(reply.encode()).isEqualTo(frames);
            reply.remove("seq");
            return reply;
        }

        @Override
        public void close() throws Exception {
            client.close();
        }
    }

    /**
     * The scenario on a fresh node: platform {@code p1} (16 cores) and a spare one; client {@code acme},
     * registered bronze and updated to gold, with an interruptible instance, its own forecast, a demand
     * signal and a late payment; client {@code low}, bronze with nothing else, with an uninterruptible
     * instance on {@code p1} that only a migration to a shadow slot can move.
     */
    private static final class EveryType {
        private final Http http;
        private final Producer producer;
        private final JsonObject policy;
        private final Map<String, Integer> sent = new TreeMap<>();

        EveryType(Http http, Producer producer) {
            this.http = http;
            this.producer = producer;
            this.policy = http.get("/v1/policy").json();
        }

        void sendEachAndReadItsEffect() throws Exception {
            platforms();
            clients();
            clientInputs();
            instancesAndUsage();
            latePayment();
            shadowSlotUsedByAMigrationPlan();
            stoppedInstance();
            contentionDecided();
            everyTypeCountedAsAccepted();
        }

        private void send(JsonObject event) throws Exception {
            assertThat(producer.send(event)).as(event.getString("type") + " " + event.getString("id"))
                    .isEqualTo(new JsonObject().put("accepted", 1).put("duplicates", 0));
            sent.merge(event.getString("type"), 1, Integer::sum);
        }

        private void platforms() throws Exception {
            send(platform("e-p1", "p1", 16, 64));
            send(platform("e-spare", "spare", 64, 256));

            JsonObject p1 = http.get("/v1/platforms/p1").json();
            assertThat(p1.getString("datacentre")).isEqualTo("dc1");
            assertThat(p1.getString("zone")).isEqualTo("z1");
            assertThat(room(p1, "capacity")).containsExactly(16.0, 64.0);
            assertThat(room(p1, "allocated")).containsExactly(0.0, 0.0);
            assertThat(room(p1, "free")).containsExactly(16.0, 64.0);
            assertThat(room(http.get("/v1/platforms/spare").json(), "capacity")).containsExactly(64.0, 256.0);
        }

        private void clients() throws Exception {
            send(client("e-acme", "acme", "bronze"));
            JsonObject registered = http.get("/v1/clients/acme").json();
            assertThat(registered.getString("name")).isEqualTo("acme Ltd");
            assertThat(registered.getString("slaTier")).isEqualTo("bronze");
            await().atMost(30, TimeUnit.SECONDS).until(() -> scored("acme"));

            send(clientUpdated("e-acme-gold", "acme", "Acme Gold", "gold"));
            JsonObject updated = http.get("/v1/clients/acme").json();
            assertThat(updated.getString("name")).isEqualTo("Acme Gold");
            assertThat(updated.getString("slaTier")).isEqualTo("gold");
            double gold = policy.getJsonObject("slaTiers").getDouble("gold");
            await().atMost(30, TimeUnit.SECONDS).until(() -> raw("acme", "sla") == gold);

            send(client("e-low", "low", "bronze"));
            await().atMost(30, TimeUnit.SECONDS).until(() -> scored("low"));
        }

        /** Sent before acme's first usage sample, so that its own forecast moves its score from no projection. */
        private void clientInputs() throws Exception {
            assertThat(raw("acme", "forecast")).isZero();
            send(forecast("e-forecast", "acme", "PT1H", 6, 12));
            await().atMost(30, TimeUnit.SECONDS).until(() -> raw("acme", "forecast") == 6.0);

            assertThat(raw("acme", "demand")).as("demand signals in force").isZero();
            double busiest = policy.getJsonObject("demand").getJsonObject("signals").getJsonObject("requestRate")
                    .getDouble("max");
            send(demand("e-demand", "acme", "requestRate", busiest, "PT1H"));
            await().atMost(30, TimeUnit.SECONDS).until(() -> raw("acme", "demand") == 1.0);
            assertThat(factor("acme", "demand").getDouble("normalized")).isEqualTo(1.0);
        }

        private void instancesAndUsage() throws Exception {
            String hourAgo = Instant.now().minus(Duration.ofHours(1)).toString();
            send(instance("e-i1", "i1", "acme", "p1", "interruptible", 4, 8).put("time", hourAgo));
            JsonObject i1 = http.get("/v1/instances/i1").json();
            assertThat(i1.getString("state")).isEqualTo("running");
            assertThat(i1.getString("clientId")).isEqualTo("acme");
            assertThat(i1.getString("platformId")).isEqualTo("p1");
            assertThat(i1.getString("kind")).isEqualTo("interruptible");
            assertThat(i1.containsKey("usage")).as("usage before the first sample").isFalse();
            JsonObject p1 = http.get("/v1/platforms/p1").json();
            assertThat(room(p1, "allocated")).containsExactly(4.0, 8.0);
            assertThat(room(p1, "free")).containsExactly(12.0, 56.0);
            assertThat(p1.getJsonObject("instances").getInteger("interruptible")).isEqualTo(1);

            send(instance("e-u1", "u1", "low", "p1", "uninterruptible", 8, 8).put("time", hourAgo));
            p1 = http.get("/v1/platforms/p1").json();
            assertThat(room(p1, "free")).containsExactly(4.0, 48.0);
            assertThat(p1.getJsonObject("instances").getInteger("uninterruptible")).isEqualTo(1);

            // The first sample of a series only marks its start: the second stands for the ten minutes between them.
            send(usage("e-s1", "i1", 2.5, 9, 120).put("time", Instant.now().minus(Duration.ofMinutes(10)).toString()));
            send(usage("e-s2", "i1", 3, 10, 150));
            JsonObject sampled = http.get("/v1/instances/i1").json().getJsonObject("usage");
            assertThat(sampled.getLong("samples")).isEqualTo(2);
            assertThat(List.of(sampled.getDouble("cpu"), sampled.getDouble("memoryGiB"),
                    sampled.getDouble("networkMbps"))).containsExactly(3.0, 10.0, 150.0);
            await().atMost(30, TimeUnit.SECONDS).until(() -> raw("acme", "usage") > 0);
            JsonObject projection = http.get("/v1/clients/acme/usage").json().getJsonObject("projection");
            assertThat(projection.getString("source")).as("the client's own forecast").isEqualTo("client");
            assertThat(List.of(projection.getDouble("cpu"), projection.getDouble("memoryGiB")))
                    .containsExactly(6.0, 12.0);
        }

        private void latePayment() throws Exception {
            assertThat(raw("acme", "payment")).as("share paid on time with no invoice judged").isEqualTo(1.0);
            Instant now = Instant.now();
            send(payment("e-inv-1", "acme", "inv-1", "120.00", "EUR", now.minus(Duration.ofDays(20)),
                    now.minus(Duration.ofDays(10))));
            await().atMost(30, TimeUnit.SECONDS).until(() -> raw("acme", "payment") == 0.0);
            assertThat(http.get("/v1/clients/acme").json().getJsonArray("adjustedBy")).as("paid, so not overdue")
                    .isEmpty();
        }

        /**
         * A shadow slot has no read of its own: it shows in what an extreme contention would do. Without
         * it nothing can move {@code low}'s uninterruptible instance; with it, the plan migrates it there.
         */
        private void shadowSlotUsedByAMigrationPlan() throws Exception {
            JsonObject extreme = contention("k-plan", "p1", "extreme", 12, "acme");
            JsonObject without = dryRun(extreme);
            assertThat(types(without)).doesNotContain("migrate");
            assertThat(without.getJsonObject("shortfall").getDouble("cpu")).isEqualTo(8.0);

            send(shadowSlot("e-slot-1", "slot-1", "spare", 8, 16));

            JsonObject with = dryRun(extreme);
            JsonObject migrate = with.getJsonArray("actions").stream().map(a -> (JsonObject) a)
                    .filter(a -> "migrate".equals(a.getString("type"))).findFirst().orElseThrow(() ->
                            new AssertionError("no migration planned: " + with.encode()));
            assertThat(migrate.getString("instanceId")).isEqualTo("u1");
            assertThat(migrate.getString("shadowSlot")).isEqualTo("slot-1");
        }

        private void stoppedInstance() throws Exception {
            send(instanceStopped("e-i1-stopped", "i1"));
            assertThat(http.get("/v1/instances/i1").json().getString("state")).isEqualTo("stopped");
            JsonObject p1 = http.get("/v1/platforms/p1").json();
            assertThat(room(p1, "allocated")).containsExactly(8.0, 8.0);
            assertThat(room(p1, "free")).as("i1's room freed").containsExactly(8.0, 56.0);
            assertThat(p1.getJsonObject("instances").getInteger("interruptible")).isZero();
        }

        /** Nothing interruptible runs on p1 any more and a normal contention never migrates: the decision says so. */
        private void contentionDecided() throws Exception {
            send(contention("k-1", "p1", "normal", 12, "acme"));

            await().atMost(30, TimeUnit.SECONDS).until(() -> !NodeReads.decisions(http, "p1").isEmpty());
            assertThat(NodeReads.decisions(http, "p1")).as("the dry runs stored nothing").hasSize(1);
            JsonObject decision = NodeReads.decision(http, "p1", "k-1");
            assertThat(decision.getString("platformId")).isEqualTo("p1");
            JsonObject trigger = decision.getJsonObject("trigger");
            assertThat(trigger.getString("id")).isEqualTo("k-1");
            assertThat(trigger.getBoolean("selfRaised")).isFalse();
            assertThat(trigger.getString("severity")).isEqualTo("normal");
            assertThat(trigger.getString("beneficiary")).isEqualTo("acme");
            assertThat(room(decision, "wanted")).as("the need beyond what is free").containsExactly(4.0, 0.0);
            assertThat(room(decision, "shortfall")).containsExactly(4.0, 0.0);
            assertThat(decision.getJsonArray("actions")).isEmpty();
        }

        private void everyTypeCountedAsAccepted() {
            assertThat(sent.keySet()).containsExactlyInAnyOrderElementsOf(TYPES);
            sent.forEach((type, count) -> assertThat(Metrics.sum(http, "arbiter_events_accepted_total",
                    "type=\"" + type + "\"")).as("accepted " + type + " events").isEqualTo(count.doubleValue()));
        }

        private JsonObject dryRun(JsonObject contention) {
            Http.Answer answer = http.post("/v1/arbitrations?dryRun=true", "application/json", contention.encode());
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            return answer.json();
        }

        private static List<String> types(JsonObject decision) {
            return decision.getJsonArray("actions").stream().map(a -> ((JsonObject) a).getString("type")).toList();
        }

        private boolean scored(String clientId) {
            return http.get("/v1/clients/" + clientId).json().getValue("cvs") != null;
        }

        /** A client's factor as {@code GET /v1/clients/{id}} explains it. */
        private JsonObject factor(String clientId, String name) {
            JsonArray factors = http.get("/v1/clients/" + clientId).json().getJsonArray("factors");
            return factors.stream().map(f -> (JsonObject) f).filter(f -> name.equals(f.getString("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no factor " + name + " in " + factors.encode()));
        }

        private double raw(String clientId, String name) {
            return factor(clientId, name).getDouble("raw");
        }

        /** {@code [cpu, memoryGiB]} of the resources {@code field} of {@code json}. */
        private static List<Double> room(JsonObject json, String field) {
            JsonObject r = json.getJsonObject(field);
            return List.of(r.getDouble("cpu"), r.getDouble("memoryGiB"));
        }
    }
}

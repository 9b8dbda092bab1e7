package io.arbiter.http;

import io.arbiter.testing.Http;
import io.arbiter.testing.Metrics;
import io.arbiter.testing.NodeReads;
import io.arbiter.testing.Platforms;
import io.arbiter.testing.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Contentions over HTTP: decided, carried out through the simulator driver, never twice. */
class ArbitrationIT {

    private static TestNode node;
    private static Http http;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        http = node.http();
        http.editPolicy(policy -> {
            policy.getJsonObject("interruption").put("gracePeriod", "PT5S");
        });
        http.events(client("a-c2", "dear", "platinum").encode());
        await().atMost(30, TimeUnit.SECONDS).until(() -> http.get("/v1/clients/dear").json().getValue("cvs") != null);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String platformWithThreeInstances() {
        return Platforms.withThreeInstances(http);
    }

    private static JsonObject contention(String id, String platformId, double cpu) {
        return new JsonObject().put("id", id).put("type", "contention").put("platformId", platformId)
                .put("reason", "capacity").put("severity", "normal")
                .put("need", new JsonObject().put("cpu", cpu).put("memoryGiB", 0)).put("beneficiary", "dear");
    }

    private static List<JsonObject> decisions(String platformId) {
        return http.get("/v1/decisions?platformId=" + platformId).json().getJsonArray("decisions").stream()
                .map(o -> (JsonObject) o).toList();
    }

    private static String state(String instanceId) {
        return http.get("/v1/instances/" + instanceId).json().getString("state");
    }

    /** How many interrupt actions ended with {@code outcome}, as {@code arbiter_actions_total} counts them. */
    private static double interruptions(String outcome) {
        return Metrics.sum(http, "arbiter_actions_total", "type=\"interrupt\"", "outcome=\"" + outcome + "\"");
    }

    /** Waits until no interruption of an earlier test is still under way, so that the action counters stand still. */
    private static void awaitNoInterruptionUnderWay() {
        await().atMost(60, TimeUnit.SECONDS).until(() -> NodeReads.interruptionsUnderWay(http).isEmpty());
    }

    private static List<String> instanceIds(JsonArray actions) {
        return actions.stream().map(a -> ((JsonObject) a).getString("instanceId")).toList();
    }

    @Test
    void aContentionEventLeadsToGracefulStopsOfOnlyAsManyAsNeeded() {
        String p = platformWithThreeInstances();
        awaitNoInterruptionUnderWay();
        double stoppedBefore = interruptions("stopped");
        double terminatedBefore = interruptions("terminated");

        assertThat(http.events(contention("k-" + p, p, 12).encode()).status()).isEqualTo(202);

        await().atMost(20, TimeUnit.SECONDS).until(() -> decisions(p).size() == 1);
        JsonObject decision = decisions(p).get(0);
        JsonArray actions = decision.getJsonArray("actions");
        assertThat(actions).hasSize(2);
        assertThat(decision.getJsonArray("rulesFired").getList()).contains("Interrupt only clients below the threshold");
        String actionId = actions.getJsonObject(0).getString("actionId");
        await().atMost(20, TimeUnit.SECONDS).until(() ->
                "stopped".equals(http.get("/v1/actions/" + actionId).json().getString("status")));
        assertThat(http.get("/v1/actions/" + actionId).json().getJsonArray("history").stream()
                .map(s -> ((JsonObject) s).getString("status")).toList()).containsExactly("pending", "graceful", "stopped");
        String victim = actions.getJsonObject(0).getString("instanceId");
        await().atMost(20, TimeUnit.SECONDS).until(() -> "stopped".equals(state(victim)));
        await().atMost(20, TimeUnit.SECONDS).until(() ->
                http.get("/v1/platforms/" + p).json().getJsonObject("free").getDouble("cpu") == 12.0);
        await().atMost(20, TimeUnit.SECONDS).until(() ->
                instanceIds(actions).stream().allMatch(i -> "stopped".equals(state(i))));
        assertThat(interruptions("stopped") - stoppedBefore).as("graceful stops counted").isEqualTo(actions.size());
        assertThat(interruptions("terminated") - terminatedBefore).as("forced terminations counted").isZero();
    }

    @Test
    void anInstanceThatIgnoresTheShutdownIsTerminatedAfterTheGracePeriod() {
        String p = platformWithThreeInstances();
        for (int n = 1; n <= 3; n++) {
            http.send(HttpRequest.newBuilder(http.uri("/v1/simulator/instances/" + p + "-i" + n))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"onShutdown\":\"ignore\"}")));
        }

        awaitNoInterruptionUnderWay();
        double stoppedBefore = interruptions("stopped");
        double terminatedBefore = interruptions("terminated");

        Http.Answer answer = http.post("/v1/arbitrations", "application/json", contention("k-" + p, p, 8).encode());

        assertThat(answer.status()).isEqualTo(201);
        JsonObject action = answer.json().getJsonArray("actions").getJsonObject(0);
        String actionId = action.getString("actionId");
        String victim = action.getString("instanceId");
        await().atMost(20, TimeUnit.SECONDS).until(() ->
                "terminated".equals(http.get("/v1/actions/" + actionId).json().getString("status")));
        JsonArray history = http.get("/v1/actions/" + actionId).json().getJsonArray("history");
        assertThat(history.getJsonObject(2).getString("note")).contains("grace period of PT5S ended");
        await().atMost(20, TimeUnit.SECONDS).until(() -> "stopped".equals(state(victim)));
        assertThat(http.get("/v1/simulator/instances/" + victim).json().getJsonArray("calls").getList())
                .containsExactly("shutdown " + victim, "terminate " + victim);
        assertThat(interruptions("terminated") - terminatedBefore).as("forced terminations counted").isEqualTo(1);
        assertThat(interruptions("stopped") - stoppedBefore).as("graceful stops counted").isZero();
    }

    @Test
    void theSameContentionSentAgainFindsItsDecisionAndExecutesNothingTwice() {
        String p = platformWithThreeInstances();
        JsonObject c = contention("k-" + p, p, 8);

        Http.Answer first = http.post("/v1/arbitrations", "application/json", c.encode());
        await().atMost(20, TimeUnit.SECONDS).until(() -> "stopped".equals(http.get("/v1/actions/"
                + first.json().getJsonArray("actions").getJsonObject(0).getString("actionId")).json().getString("status")));
        Http.Answer again = http.post("/v1/arbitrations", "application/json", c.encode());

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getString("decisionId")).isEqualTo(first.json().getString("decisionId"));
        assertThat(decisions(p)).hasSize(1);
        assertThat(List.of(state(p + "-i1"), state(p + "-i2"), state(p + "-i3")))
                .filteredOn("stopped"::equals).hasSize(1);
    }

    @Test
    void aContentionEventSentTwiceAndToArbitrationsIsDecidedOnceAndEachVictimIsShutDownOnce() {
        String p = platformWithThreeInstances();
        JsonObject c = contention("k-" + p, p, 12);
        awaitNoInterruptionUnderWay();
        double interruptionsBefore = Metrics.sum(http, "arbiter_actions_total", "type=\"interrupt\"");

        Http.Answer first = http.events(c.encode());
        Http.Answer again = http.events(c.encode());
        Http.Answer arbitrated = http.post("/v1/arbitrations", "application/json", c.encode());

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json()).isEqualTo(new JsonObject().put("accepted", 1).put("duplicates", 0));
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        assertThat(again.json()).isEqualTo(new JsonObject().put("accepted", 0).put("duplicates", 1));
        assertThat(arbitrated.status()).as(arbitrated.body()).isEqualTo(200);
        List<String> victims = instanceIds(arbitrated.json().getJsonArray("actions"));
        assertThat(victims).hasSize(2);
        await().atMost(30, TimeUnit.SECONDS).until(() -> victims.stream().allMatch(v -> "stopped".equals(state(v))));
        assertThat(decisions(p)).singleElement().extracting(d -> d.getString("decisionId"))
                .isEqualTo(arbitrated.json().getString("decisionId"));
        assertThat(decisions(p).get(0).getJsonArray("actions").stream()
                .map(a -> ((JsonObject) a).getString("status")).toList()).containsOnly("stopped");
        for (String victim : victims) {
            assertThat(http.get("/v1/simulator/instances/" + victim).json().getJsonArray("calls").getList())
                    .as("driver calls for " + victim).containsExactly("shutdown " + victim);
        }
        List.of(p + "-i1", p + "-i2", p + "-i3").stream().filter(i -> !victims.contains(i)).forEach(spared ->
                assertThat(NodeReads.shutdownsAsked(http, spared)).as("shutdowns of " + spared).isZero());
        assertThat(Metrics.sum(http, "arbiter_actions_total", "type=\"interrupt\"") - interruptionsBefore)
                .as("interruptions counted").isEqualTo(victims.size());
    }

    @Test
    void aDryRunReturnsThePlanAndChangesNothing() {
        String p = platformWithThreeInstances();

        Http.Answer answer = http.post("/v1/arbitrations?dryRun=true", "application/json",
                contention("k-" + p, p, 12).encode());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getBoolean("dryRun")).isTrue();
        assertThat(answer.json().getJsonArray("actions")).as(answer.body()).hasSize(2);
        assertThat(decisions(p)).isEmpty();
        assertThat(http.get("/v1/decisions/" + answer.json().getString("decisionId")).status()).isEqualTo(404);
        assertThat(List.of(state(p + "-i1"), state(p + "-i2"), state(p + "-i3"))).containsOnly("running");
    }

    @Test
    void anAllocationAboveTheHighWaterMarkRaisesAContentionItself() {
        String p = platformWithThreeInstances();

        http.events(instance("e-" + p + "4", p + "-i4", "dear", p, "interruptible", 4, 8).encode());

        await().atMost(20, TimeUnit.SECONDS).until(() -> decisions(p).size() == 1);
        JsonObject decision = decisions(p).get(0);
        assertThat(decision.getJsonObject("trigger").getBoolean("selfRaised")).isTrue();
        assertThat(decision.getString("explanation")).startsWith("Self-raised");
        assertThat(decision.getJsonArray("actions")).hasSize(1);
        assertThat(decision.getJsonArray("actions").getJsonObject(0).getString("clientId")).isEqualTo("cheap-" + p);
    }

    @Test
    void aContentionNamingAnUnknownPlatformIsA400() {
        Http.Answer answer = http.post("/v1/arbitrations", "application/json", contention("k-x", "nowhere", 1).encode());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errors().getJsonObject(0).getString("field")).isEqualTo("platformId");
    }
}

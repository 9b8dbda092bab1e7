package io.arbiter.app;

import io.arbiter.arbitration.DecisionIds;
import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.Decision;
import io.arbiter.testing.Http;
import io.arbiter.testing.Platforms;
import io.arbiter.testing.TestNode;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Decisions and action states written through to the durable store, and read back after a restart. */
class StoreWriteThroughIT {

    private static TestNode node;
    private static Http http;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        http = node.http();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static JsonObject contention(String id, String platformId, double cpu) {
        return new JsonObject().put("id", id).put("type", "contention").put("platformId", platformId)
                .put("reason", "capacity").put("severity", "normal")
                .put("need", new JsonObject().put("cpu", cpu).put("memoryGiB", 0));
    }

    @Test
    void aDecisionIsInTheStoreWhenTheArbitrationIsAnswered() {
        String p = Platforms.withThreeInstances(http);

        Http.Answer answer = http.post("/v1/arbitrations", "application/json", contention("k-" + p, p, 8).encode());

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        Decision stored = node.store().decision(answer.json().getString("decisionId")).orElseThrow();
        assertThat(stored.platformId()).isEqualTo(p);
        assertThat(stored.actions()).extracting(ActionRecord::actionId).containsExactlyElementsOf(
                answer.json().getJsonArray("actions").stream().map(a -> ((JsonObject) a).getString("actionId")).toList());
    }

    @Test
    void aContentionEventIsAcknowledgedOnlyOnceItsDecisionIsStored() {
        String p = Platforms.withThreeInstances(http);

        assertThat(http.events(contention("k-" + p, p, 8).encode()).status()).isEqualTo(202);

        assertThat(node.store().decision(DecisionIds.decision(p, "k-" + p, 0))).as("stored before the 202").isPresent();
    }

    @Test
    void everyStateAnActionReachesIsWrittenToTheStore() {
        String p = Platforms.withThreeInstances(http);
        Http.Answer answer = http.post("/v1/arbitrations", "application/json", contention("k-" + p, p, 8).encode());
        String decisionId = answer.json().getString("decisionId");

        await().atMost(30, TimeUnit.SECONDS).until(() ->
                node.store().decision(decisionId).orElseThrow().actions().get(0).status() == ActionStatus.STOPPED);
        ActionRecord action = node.store().decision(decisionId).orElseThrow().actions().get(0);
        assertThat(action.history()).extracting(ActionRecord.Step::status)
                .containsExactly(ActionStatus.PENDING, ActionStatus.GRACEFUL, ActionStatus.STOPPED);
        assertThat(http.get("/v1/actions/" + action.actionId()).json().getJsonArray("history")).hasSize(3);
    }

    @Test
    void theStoreIsAReadinessCheckAndItsWritesAreMeasured() {
        Http.Answer ready = http.get("/ready");

        assertThat(ready.json().getJsonObject("checks").getBoolean("store")).as(ready.body()).isTrue();
        String metrics = http.get("/metrics").body();
        assertThat(metrics).contains("arbiter_store_writes_seconds_count{kind=\"decision\"}")
                .contains("arbiter_store_write_failures_total{kind=\"ledger\"}");
    }

    @Test
    void aNodeStartedAgainOnTheSameDatabaseAnswersForTheDecisionsAndActionsOfBefore() {
        String p = Platforms.withThreeInstances(http);
        Http.Answer answer = http.post("/v1/arbitrations", "application/json", contention("k-" + p, p, 8).encode());
        String decisionId = answer.json().getString("decisionId");
        String actionId = answer.json().getJsonArray("actions").getJsonObject(0).getString("actionId");
        await().atMost(30, TimeUnit.SECONDS).until(() ->
                node.store().decision(decisionId).orElseThrow().actions().get(0).status().isFinal());

        try (TestNode again = TestNode.builder().store(node.storeOptions()).start()) {
            Http second = again.http();

            Http.Answer decision = second.get("/v1/decisions/" + decisionId);
            assertThat(decision.status()).as(decision.body()).isEqualTo(200);
            assertThat(decision.json().getString("platformId")).isEqualTo(p);
            assertThat(second.get("/v1/decisions?platformId=" + p).json().getJsonArray("decisions")).hasSize(1);
            Http.Answer action = second.get("/v1/actions/" + actionId);
            assertThat(action.status()).isEqualTo(200);
            assertThat(action.json().getString("status")).isEqualTo("stopped");
            assertThat(again.unfinishedMigrations()).isEmpty();
        }
    }
}

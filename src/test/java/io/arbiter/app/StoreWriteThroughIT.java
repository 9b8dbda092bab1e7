package io.arbiter.app;

import io.arbiter.arbitration.DecisionIds;
import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Contention;
import io.arbiter.domain.ContentionReason;
import io.arbiter.domain.Decision;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Severity;
import io.arbiter.testing.Http;
import io.arbiter.testing.Platforms;
import io.arbiter.testing.Postgres;
import io.arbiter.testing.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
    void theNodesStoreNoLongerAcknowledgesCommitsBeforeTheyAreOnDisk() {
        assertThat(Postgres.show(node.storeOptions(), "synchronous_commit")).isEqualTo("on");
        assertThat(Postgres.show(node.storeOptions(), "fsync")).isEqualTo("on");
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
        }
    }

    @Test
    void anInterruptLeftUnfinishedIsTakenUpAgainByTheNextNodeAndUnfinishedMigrationsAreHandedOver() {
        String p = Platforms.withThreeInstances(http);
        for (int n = 1; n <= 3; n++) {
            http.send(HttpRequest.newBuilder(http.uri("/v1/simulator/instances/" + p + "-i" + n))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"onShutdown\":\"ignore\"}")));
        }
        Http.Answer answer = http.post("/v1/arbitrations", "application/json", contention("k-" + p, p, 8).encode());
        String actionId = answer.json().getJsonArray("actions").getJsonObject(0).getString("actionId");
        await().atMost(10, TimeUnit.SECONDS).until(() -> node.store().unfinishedActions().stream()
                .anyMatch(a -> a.actionId().equals(actionId) && a.status() == ActionStatus.GRACEFUL));
        Decision migration = migrationUnderWay("d-migrating-" + p, p);
        node.store().saveDecision(migration);

        try (TestNode again = TestNode.builder().store(node.storeOptions()).start()) {
            await().atMost(20, TimeUnit.SECONDS).until(() ->
                    "failed".equals(again.http().get("/v1/actions/" + actionId).json().getString("status")));
            JsonArray history = again.http().get("/v1/actions/" + actionId).json().getJsonArray("history");
            assertThat(history.getJsonObject(history.size() - 1).getString("note")).contains("instance no longer known");
            assertThat(again.store().decision(answer.json().getString("decisionId")).orElseThrow().actions().get(0)
                    .status()).isEqualTo(ActionStatus.FAILED);
            assertThat(again.unfinishedMigrations()).containsExactly(migration.actions().get(0));
        }
    }

    @Test
    void slotsLeftHeldByRolledBackMigrationsOrUnknownActionsAreFreedWhenANodeStartsAndACopysSlotIsKept() {
        String p = "p-reconciled-" + System.nanoTime();
        Decision rolledBack = migration("d-rolled-back-" + p, p, ActionStatus.ABORTED);
        Decision completed = migration("d-completed-" + p, p, ActionStatus.COMPLETED);
        node.store().saveDecision(rolledBack);
        node.store().saveDecision(completed);
        node.store().reserve(rolledBack.actions().get(0).target(), rolledBack.actions().get(0).actionId(), 100);
        node.store().reserve(completed.actions().get(0).target(), completed.actions().get(0).actionId(), 100);
        node.store().reserve("slot-orphan-" + p, "d-nobody-" + p + "-1", 100);

        try (TestNode again = TestNode.builder().store(node.storeOptions()).start()) {
            await().atMost(30, TimeUnit.SECONDS).until(() -> again.store().reservations().keySet().stream()
                    .noneMatch(slot -> slot.equals("slot-orphan-" + p) || slot.equals(rolledBack.actions().get(0).target())));
            assertThat(again.store().reservations()).containsEntry(completed.actions().get(0).target(),
                    completed.actions().get(0).actionId());
        }
    }

    private static Decision migrationUnderWay(String id, String platformId) {
        return migration(id, platformId, ActionStatus.SNAPSHOTTING);
    }

    /** A decision {@code id} with one migrate action ({@code <id>-1}, into slot {@code slot-<id>}) that reached {@code status}. */
    private static Decision migration(String id, String platformId, ActionStatus status) {
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        ActionRecord migrate = new ActionRecord(id + "-1", id, ActionType.MIGRATE, platformId, platformId + "-i1",
                "cheap-" + platformId, 0.1, "extreme contention", "slot-" + id, null, status, List.of(
                        new ActionRecord.Step(ActionStatus.RESERVING, at, "decided"),
                        new ActionRecord.Step(status, at.plusSeconds(1), "slot s1 reserved")));
        return new Decision(id, platformId, "k-" + id, false, new Contention(platformId, ContentionReason.CAPACITY,
                Severity.EXTREME, new Resources(8, 0), null), "rev", "v1", at, List.of(migrate), new Resources(8, 0),
                Resources.ZERO, Map.of(), List.of(), "migrating");
    }
}

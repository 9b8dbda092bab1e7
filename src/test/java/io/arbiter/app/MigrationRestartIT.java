package io.arbiter.app;

import io.arbiter.testing.Http;
import io.arbiter.testing.PolicyEdits;
import io.arbiter.testing.Postgres;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.instance;
import static io.arbiter.testing.Events.platform;
import static io.arbiter.testing.NodeProcess.awaitReady;
import static io.arbiter.testing.FreePorts.one;
import static io.arbiter.testing.NodeProcess.kill9;
import static io.arbiter.testing.NodeProcess.serve;
import static io.arbiter.testing.NodeProcess.stopLeftOverPostgres;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} of a real node JVM in the middle of migrations, then a restart on the same data
 * folder and database: a migration before its switch is rolled back and its slot is free again, one
 * after it finishes, and the ledger holds exactly one charge and one downgrade per moved client —
 * also when the kill came between the switch and the charge.
 */
class MigrationRestartIT {

    @Test
    void migrationsUnderWayAtAKill9AreRolledBackOrFinishedAfterARestartAndNothingIsChargedTwice(@TempDir Path work)
            throws Exception {
        int port = one();
        Http http = new Http(port);
        String rolledBack;
        String finished;
        Process first = serve(work, port, "first.log");
        try {
            awaitReady(http, first, work.resolve("first.log"));
            usePolicy(http);
            register(http, "a");
            register(http, "b");
            behave(http, "a-u1", "{\"onRestore\":\"hang\"}");
            behave(http, "b-u1", "{\"terminateFails\":true}");

            rolledBack = migrate(http, "a");
            await().atMost(30, TimeUnit.SECONDS).until(() -> "restoring".equals(status(http, rolledBack)));
            finished = migrate(http, "b");
            await().atMost(30, TimeUnit.SECONDS).until(() -> "terminating-original".equals(status(http, finished)));
            assertThat(ledger(http, "b-client")).hasSize(2);

            kill9(first);
        } finally {
            first.destroyForcibly();
        }

        Process second = serve(work, port, "second.log");
        try {
            awaitReady(http, second, work.resolve("second.log"));

            await().atMost(30, TimeUnit.SECONDS).until(() -> "aborted".equals(status(http, rolledBack)));
            JsonArray history = http.get("/v1/actions/" + rolledBack).json().getJsonArray("history");
            assertThat(history.stream().map(h -> ((JsonObject) h).getString("status")).toList())
                    .containsSubsequence("restoring", "rolling-back", "aborted");
            assertThat(history.getJsonObject(history.size() - 2).getString("note")).contains("before the switch");
            assertThat(ledgerActionStates(http, rolledBack)).containsOnly("aborted");
            assertThat(ledger(http, "a-client")).isEmpty();

            await().atMost(30, TimeUnit.SECONDS).until(() -> "completed".equals(status(http, finished)));
            assertThat(ledgerActionStates(http, finished)).containsOnly("completed");
            JsonArray charged = ledger(http, "b-client");
            assertThat(charged).hasSize(2);
            assertThat(charged.stream().map(e -> ((JsonObject) e).getString("type")).toList())
                    .containsExactlyInAnyOrder("penalty", "downgrade");

            // The rolled-back migration's slot is free again: the same situation plans a move into it.
            usePolicy(http);
            register(http, "a");
            JsonObject plan = http.post("/v1/arbitrations?dryRun=true", "application/json",
                    contention("a-k2", "a").encode()).json();
            assertThat(plan.getJsonArray("actions").getJsonObject(0).getString("shadowSlot")).isEqualTo("a-slot");
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
            stopLeftOverPostgres(work.resolve("data/postgres"));
        }
    }

    /**
     * The kill comes between the switch and the charge (the node's ledger write waits on a lock the
     * test holds in the node's own PostgreSQL). The restarted lone node's grid has forgotten the
     * client, yet it charges and downgrades once, from the tier kept with the decision, and the slot
     * stays reserved by the migration whose copy runs in it.
     */
    @Test
    void aKill9BetweenTheSwitchAndTheChargeStillChargesAndDowngradesExactlyOnceAfterTheRestart(@TempDir Path work)
            throws Exception {
        int port = one();
        Http http = new Http(port);
        Path postgres = work.resolve("data/postgres");
        String migrating;
        Process first = serve(work, port, "first.log");
        try {
            awaitReady(http, first, work.resolve("first.log"));
            usePolicy(http);
            register(http, "c");
            try (Connection ledgerLock = Postgres.connect(postgres)) {
                ledgerLock.setAutoCommit(false);
                try (Statement s = ledgerLock.createStatement()) {
                    s.execute("LOCK TABLE ledger IN EXCLUSIVE MODE");
                }
                migrating = migrate(http, "c");
                await().atMost(30, TimeUnit.SECONDS).until(() -> "switching".equals(status(http, migrating))
                        && chargesWaitingOnTheLock(ledgerLock) > 0);

                kill9(first);
                ledgerLock.rollback();
            }
        } finally {
            first.destroyForcibly();
        }

        Process second = serve(work, port, "second.log");
        try {
            awaitReady(http, second, work.resolve("second.log"));

            await().atMost(30, TimeUnit.SECONDS).until(() -> "completed".equals(status(http, migrating)));
            assertThat(ledgerActionStates(http, migrating)).containsOnly("completed");
            JsonArray entries = ledger(http, "c-client");
            assertThat(entries.stream().map(e -> ((JsonObject) e).getString("type")).toList())
                    .containsExactlyInAnyOrder("penalty", "downgrade");
            JsonObject downgrade = entries.stream().map(e -> (JsonObject) e)
                    .filter(e -> "downgrade".equals(e.getString("type"))).findFirst().orElseThrow();
            assertThat(downgrade.getJsonObject("slaTier").getString("fromTier")).isEqualTo("silver");
            assertThat(downgrade.getJsonObject("slaTier").getString("toTier")).isEqualTo("bronze");
            try (Connection c = Postgres.connect(postgres); Statement s = c.createStatement();
                 ResultSet held = s.executeQuery("SELECT slot_id, action_id FROM reservations")) {
                assertThat(held.next()).as("the copy's slot stays reserved").isTrue();
                assertThat(held.getString(1)).isEqualTo("c-slot");
                assertThat(held.getString(2)).isEqualTo(migrating);
                assertThat(held.next()).isFalse();
            }
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
            stopLeftOverPostgres(postgres);
        }
    }

    /** How many sessions wait for a lock on the ledger (the node's charge, blocked by the test's lock). */
    private static int chargesWaitingOnTheLock(Connection holder) throws Exception {
        try (Statement s = holder.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks l"
                + " JOIN pg_class t ON t.oid = l.relation WHERE t.relname = 'ledger' AND NOT l.granted")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** CVS by tier alone; migrations may take long enough to be caught in the middle. */
    private static void usePolicy(Http http) {
        http.editPolicy(policy -> {
            PolicyEdits.scoreBySlaTierAlone(policy);
            policy.getJsonObject("migration").put("timeout", "PT10M").put("stepTimeout", "PT5M");
        });
    }

    /** Platform {@code x}, full: a silver client's uninterruptible x-u1 and a gold one's; a free slot on x-spare. */
    private static void register(Http http, String x) {
        String hourAgo = Instant.now().minusSeconds(3600).toString();
        JsonArray events = new JsonArray().add(platform(x + "-e1", x, 16, 64)).add(platform(x + "-e2", x + "-spare", 64, 256))
                .add(client(x + "-e3", x + "-client", "silver")).add(client(x + "-e4", x + "-gold", "gold"))
                .add(client(x + "-e5", "vip", "platinum"))
                .add(instance(x + "-e6", x + "-u1", x + "-client", x, "uninterruptible", 8, 8).put("time", hourAgo))
                .add(instance(x + "-e7", x + "-g1", x + "-gold", x, "uninterruptible", 8, 8).put("time", hourAgo))
                .add(new JsonObject().put("id", x + "-e8").put("type", "shadow.registered").put("slotId", x + "-slot")
                        .put("platformId", x + "-spare").put("capacity", new JsonObject().put("cpu", 8).put("memoryGiB", 16)));
        Http.Answer answer = http.events(events.encode());
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        await().atMost(60, TimeUnit.SECONDS).until(() -> http.get("/v1/clients/" + x + "-client").json().getValue("cvs") != null
                && http.get("/v1/clients/vip").json().getValue("cvs") != null);
    }

    private static void behave(Http http, String instanceId, String behaviour) {
        Http.Answer answer = http.send(HttpRequest.newBuilder(http.uri("/v1/simulator/instances/" + instanceId))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(behaviour)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static JsonObject contention(String id, String x) {
        return new JsonObject().put("id", id).put("type", "contention").put("platformId", x).put("reason", "capacity")
                .put("severity", "extreme").put("need", new JsonObject().put("cpu", 8).put("memoryGiB", 0))
                .put("beneficiary", "vip");
    }

    /** Decides an extreme contention on {@code x}; answers its migrate action's id. */
    private static String migrate(Http http, String x) {
        Http.Answer answer = http.post("/v1/arbitrations", "application/json", contention(x + "-k", x).encode());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonObject migrate = answer.json().getJsonArray("actions").getJsonObject(0);
        assertThat(migrate.getString("type")).isEqualTo("migrate");
        return migrate.getString("actionId");
    }

    private static String status(Http http, String actionId) {
        return http.get("/v1/actions/" + actionId).json().getString("status");
    }

    private static JsonArray ledger(Http http, String clientId) {
        return http.get("/v1/ledger?clientId=" + clientId).json().getJsonArray("entries");
    }

    /** The states of the penalize and downgrade actions that belong to migrate action {@code migrateId}. */
    private static List<String> ledgerActionStates(Http http, String migrateId) {
        String decisionId = http.get("/v1/actions/" + migrateId).json().getString("decisionId");
        return http.get("/v1/decisions/" + decisionId).json().getJsonArray("actions").stream()
                .map(a -> (JsonObject) a).filter(a -> !"migrate".equals(a.getString("type")))
                .map(a -> a.getString("status")).toList();
    }
}

package io.arbiter.app;

import io.arbiter.arbitration.DecisionIds;
import io.arbiter.testing.Acknowledged;
import io.arbiter.testing.DecisionFeed;
import io.arbiter.testing.Http;
import io.arbiter.testing.KeyValueTraffic;
import io.arbiter.testing.MemberProcess;
import io.arbiter.testing.Metrics;
import io.arbiter.testing.MigrationScenario;
import io.arbiter.testing.PolicyEdits;
import io.arbiter.testing.SlowWrite;
import io.arbiter.testing.TestCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.contention;
import static io.arbiter.testing.Events.instance;
import static io.arbiter.testing.Events.platform;
import static io.arbiter.testing.Events.usage;
import static io.arbiter.testing.NodeReads.behave;
import static io.arbiter.testing.NodeReads.decision;
import static io.arbiter.testing.NodeReads.decisionsByTrigger;
import static io.arbiter.testing.NodeReads.finishedAt;
import static io.arbiter.testing.NodeReads.firstDecisionAfter;
import static io.arbiter.testing.NodeReads.history;
import static io.arbiter.testing.NodeReads.interruptActions;
import static io.arbiter.testing.NodeReads.ledger;
import static io.arbiter.testing.NodeReads.shutdownsAsked;
import static io.arbiter.testing.NodeReads.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Four real member JVMs on 127.0.0.1, started as {@code bin/arbiter serve --cluster
 * cluster-config/cluster.yaml --zone Z --store-url URL} starts them (on free ports, all on one
 * database): a1 and a2 in zone a, b in zone b, c in zone c. The tests run in order on the one
 * cluster, the later ones taking members away: one is frozen ({@code kill -STOP}) until the others
 * drop it, then thawed and merged back; the owner of a busy platform is killed ({@code kill -9}) in
 * the middle of a migration; last, both members of zone a are killed at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final HttpClient ROUTED = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> FINAL = Set.of("completed", "aborted", "failed", "stopped", "terminated");
    private static final Set<String> PAST_PAUSE = Set.of("switching", "resuming", "terminating-original",
            "releasing", "completed", "aborted", "failed", "rolling-back");

    private static TestCluster cluster;
    private static final Acknowledged acknowledged = new Acknowledged();
    private static final String HOUR_AGO = Instant.now().minusSeconds(3600).toString();

    @BeforeAll
    static void startFourMembersInThreeZones() throws Exception {
        cluster = TestCluster.start("a1:zone-a", "a2:zone-a", "b:zone-b", "c:zone-c");
        Http first = cluster.alive().get(0).http();
        // Scores by SLA tier alone, a long grace period, room for many interruptions, short migration steps.
        String version = first.editPolicy(policy -> {
            PolicyEdits.scoreBySlaTierAlone(policy);
            policy.getJsonObject("interruption").put("gracePeriod", "PT20S").getJsonObject("disruptionBudget")
                    .put("maxInterruptions", 100_000);
            policy.getJsonObject("migration").put("timeout", "PT2M").put("stepTimeout", "PT10S");
        }).json().getString("version");
        await().atMost(30, TimeUnit.SECONDS).until(() -> cluster.alive().stream()
                .allMatch(m -> version.equals(m.http().get("/v1/policy").json().getString("version"))));
        acknowledged.send(cluster.alive().get(0), new JsonArray().add(client("c-dear", "dear", "platinum")));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void eventsSentRoundRobinToAllMembersAreAllReadableFromEveryMember() {
        List<MemberProcess> members = cluster.alive();
        for (int k = 0; k < 12; k++) {
            String p = "p-rr-" + k;
            JsonArray batch = new JsonArray().add(platform("e-" + p, p, 32, 128)).add(client("e-c-" + p, "c-" + p, "silver"));
            for (int n = 0; n < 3; n++) {
                batch.add(instance("e-" + p + "-i" + n, p + "-i" + n, "c-" + p, p, "interruptible", 2, 4));
                batch.add(usage("e-" + p + "-u" + n, p + "-i" + n, 1.5, 3, 10));
            }
            acknowledged.send(members.get(k % members.size()), batch);
        }

        for (MemberProcess m : members) {
            for (int k = 0; k < 12; k++) {
                String p = "p-rr-" + k;
                JsonObject view = m.http().get("/v1/platforms/" + p).json();
                assertThat(view.getJsonObject("allocated").getDouble("cpu")).as(m + " " + p).isEqualTo(6.0);
                assertThat(m.http().get("/v1/clients/c-" + p).status()).isEqualTo(200);
                JsonObject i = m.http().get("/v1/instances/" + p + "-i2").json();
                assertThat(i.getString("state")).isEqualTo("running");
                assertThat(i.getJsonObject("usage").getDouble("cpu")).isEqualTo(1.5);
            }
        }
    }

    @Test
    @Order(2)
    void aContentionSentToANonOwnerIsAcknowledgedOnceDecidedAndIsDecidedAndCarriedOutOnceByTheOwner() {
        String p = "p-own";
        acknowledged.send(cluster.alive().get(0), new JsonArray().add(platform("e-" + p, p, 16, 64))
                .add(client("e-c-" + p, "cheap-own", "bronze"))
                .add(instance("e-" + p + "-i", p + "-i", "cheap-own", p, "interruptible", 4, 8).put("time", HOUR_AGO)));
        MemberProcess owner = cluster.ownerOf(p);
        MemberProcess nonOwner = cluster.any(m -> m != owner);
        awaitScored(nonOwner, "cheap-own");
        Map<MemberProcess, Counts> before = counts();
        List<DecisionFeed> feeds = cluster.alive().stream().map(m -> new DecisionFeed(m.http())).toList();
        await().atMost(10, TimeUnit.SECONDS).until(() -> feeds.stream().allMatch(DecisionFeed::isConnected));

        // 12 cores are free: the contention wants 2 more, so the owner interrupts the bronze instance.
        acknowledged.send(nonOwner, new JsonArray().add(contention("k-own", p, "normal", 14, "dear")));

        String decisionId = DecisionIds.decision(p, "k-own", 0);
        Http.Answer decided = nonOwner.http().get("/v1/decisions/" + decisionId);
        assertThat(decided.status()).as("the non-owner's 202 came once the owner's decision was stored").isEqualTo(200);
        JsonArray actions = decided.json().getJsonArray("actions");
        assertThat(actions).hasSize(1);
        assertThat(actions.getJsonObject(0).getString("instanceId")).isEqualTo(p + "-i");
        String actionId = actions.getJsonObject(0).getString("actionId");
        await().atMost(30, TimeUnit.SECONDS).until(() -> "stopped".equals(status(nonOwner.http(), actionId)));
        await().atMost(10, TimeUnit.SECONDS).until(() -> feeds.stream().allMatch(f -> f.hasSent(decisionId)));
        feeds.forEach(DecisionFeed::close);

        Http.Answer asked = nonOwner.http().post("/v1/arbitrations", "application/json",
                contention("k-own-asked", p, "normal", 2, null).encode());
        assertThat(asked.status()).as("POST /v1/arbitrations to a non-owner: " + asked.body()).isEqualTo(201);
        assertThat(asked.json().getJsonObject("trigger").getString("id")).isEqualTo("k-own-asked");
        Map<MemberProcess, Counts> after = counts();
        for (MemberProcess m : cluster.alive()) {
            boolean isOwner = m == owner;
            assertThat(after.get(m).arbitrations() - before.get(m).arbitrations()).as("decisions taken by " + m)
                    .isEqualTo(isOwner ? 2 : 0);
            assertThat(after.get(m).interrupts() - before.get(m).interrupts()).as("interruptions carried out by " + m)
                    .isEqualTo(isOwner ? 1 : 0);
            assertThat(after.get(m).stoppedAgain()).as("instances reported stopped twice, by " + m)
                    .isEqualTo(before.get(m).stoppedAgain());
            assertThat(shutdownsAsked(m.http(), p + "-i")).as("graceful shutdowns of the victim asked by " + m)
                    .isEqualTo(isOwner ? 1 : 0);
            assertThat(decisionsByTrigger(m.http(), p)).as("decisions seen from " + m)
                    .containsOnly(Map.entry("k-own", 1), Map.entry("k-own-asked", 1));
        }
    }

    @Test
    @Order(3)
    void anInstanceMigratedWhileTwoMembersRoutersCarryItsTrafficFailsNoRequestAndLosesNoAcknowledgedWrite()
            throws Exception {
        MigrationScenario s = MigrationScenario.on("p-kv", "kv");
        MemberProcess owner = cluster.ownerOf(s.platform());
        MemberProcess other = cluster.any(m -> m != owner);
        // Registered through a member that does not own the platform: the owner runs the instance, and moves it.
        acknowledged.send(other, s.events(Instant.parse(HOUR_AGO)));
        awaitScored(other, s.client());
        await().atMost(30, TimeUnit.SECONDS).ignoreExceptions().until(() ->
                routed(owner, "/kv/health").statusCode() == 200 && routed(other, "/kv/health").statusCode() == 200);
        String late = "written while the service pauses";

        // The write in flight is on its way to the instance through the other member's router (its
        // gauge counts it) before any other traffic starts and before the migration is asked for.
        SlowWrite inFlight = SlowWrite.open(other.routerPort(), "/kv/kv/late", late);
        try (inFlight; KeyValueTraffic traffic = afterInFlight(other, s.service(), List.of(owner.routerPort(),
                other.routerPort()))) {
            traffic.awaitWrites(60);
            migrateWithAWriteInFlight(s, other, inFlight);
            traffic.acknowledged("late", late);
            traffic.awaitWrites(traffic.acknowledgedCount() + 60);
            traffic.stop();

            assertThat(traffic.failures()).as("failed requests through the two routers").isEmpty();
            traffic.assertEveryAcknowledgedWriteReadable(owner.routerPort());
            traffic.assertEveryAcknowledgedWriteReadable(other.routerPort());
            System.out.printf("migration on a cluster: %d writes acknowledged through two members' routers, "
                    + "longest gap without an answer %d ms%n", traffic.acknowledgedCount(), traffic.longestGapMillis());
        }
        for (MemberProcess m : List.of(owner, other)) {
            assertThat(routed(m, "/kv/health").headers().firstValue("X-Instance")).as("served by the copy, through " + m)
                    .hasValue(s.copy());
        }
        assertThat(ledger(other.http(), s.client())).hasSize(2);
    }

    /** Once {@code via}'s router has one request to {@code service} in flight, traffic on {@code ports}. */
    private static KeyValueTraffic afterInFlight(MemberProcess via, String service, List<Integer> ports) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> Metrics.sum(via.http(), "arbiter_router_requests_in_flight",
                "service=\"" + service + "\"") == 1);
        return new KeyValueTraffic(service, ports);
    }

    /**
     * Asks {@code via} for the migration of {@code s} and sees it complete, finishing {@code inFlight}
     * (a write through another router than the owner's) once the pause has waited for it a second.
     */
    private static void migrateWithAWriteInFlight(MigrationScenario s, MemberProcess via, SlowWrite inFlight) {
        acknowledged.send(via, new JsonArray().add(s.extremeContention("k-kv", "dear")));
        JsonObject migrate = decision(via.http(), s.platform(), "k-kv").getJsonArray("actions").getJsonObject(0);
        assertThat(migrate.getString("type")).isEqualTo("migrate");
        String id = migrate.getString("actionId");
        // The pause waits for the write in flight through the other member's router: let it wait a
        // second (or see the migration pass its pause without it), then finish the write.
        AtomicReference<Instant> pausingSince = new AtomicReference<>();
        await().atMost(30, TimeUnit.SECONDS).until(() -> {
            String now = status(via.http(), id);
            if ("pausing".equals(now)) {
                pausingSince.compareAndSet(null, Instant.now());
                return Duration.between(pausingSince.get(), Instant.now()).toMillis() >= 1000;
            }
            return PAST_PAUSE.contains(now) || "final-copy".equals(now);
        });
        assertThat(status(via.http(), id)).as("still pausing while a request is in flight").isEqualTo("pausing");
        assertThat(inFlight.finish()).as("the write in flight at the pause").isEqualTo(200);
        await().atMost(60, TimeUnit.SECONDS).until(() -> FINAL.contains(status(via.http(), id)));
        assertThat(status(via.http(), id)).as(history(via.http(), id).encodePrettily()).isEqualTo("completed");
    }

    @Test
    @Order(4)
    void aFrozenOwnerIsDroppedWithin10SecondsAndItsPlatformDecidedAgainWithin15ThenItMergesBack() throws Exception {
        String p = "p-hb";
        acknowledged.send(cluster.alive().get(0), new JsonArray().add(platform("e-" + p, p, 16, 64)));
        MemberProcess frozen = cluster.ownerOf(p);
        List<MemberProcess> others = cluster.alive().stream().filter(m -> m != frozen).toList();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ackedWhileFrozen = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(2);

        frozen.freeze();
        Instant frozenAt = Instant.now();
        Duration noticed;
        try {
            // Clients that wait 3 s for an acknowledgement, then send the next contention: a request
            // whose grid operations wait on the frozen member's backups waits up to the backup
            // timeout (cluster-config/README.md), and must not hold up the contentions after it.
            for (int t = 0; t < 2; t++) {
                int thread = t;
                senders.submit(() -> {
                    for (int n = 0; running.get(); n++) {
                        if (acknowledged.trySend(others.get((n + thread) % others.size()), new JsonArray()
                                .add(contention("k-hb-" + thread + "-" + n, p, "normal", 1, null)),
                                Duration.ofSeconds(3))) {
                            ackedWhileFrozen.incrementAndGet();
                        }
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
                    }
                });
            }
            await().atMost(40, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100)).until(() -> others.stream()
                    .allMatch(m -> Metrics.sum(m.http(), "arbiter_cluster_members") == others.size()));
            noticed = Duration.between(frozenAt, Instant.now());
            // A contention acknowledged means decided and stored: arbitration has resumed without the frozen owner.
            await().atMost(60, TimeUnit.SECONDS).until(() -> ackedWhileFrozen.get() > 0);
        } finally {
            running.set(false);
            senders.shutdown();
            assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            frozen.thaw();
        }

        cluster.awaitSettled(cluster.alive().size());
        Duration resumed = Duration.between(frozenAt, firstDecisionAfter(others.get(0).http(), p, frozenAt));
        System.out.printf("failure detection: %s (kill -STOP, sockets open) dropped by the others after %.1f s; "
                + "%s decided again after %.1f s%n", frozen, noticed.toMillis() / 1000.0, p, resumed.toMillis() / 1000.0);
        assertThat(noticed).as("a silent member noticed").isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(resumed).as("arbitration resumed").isLessThanOrEqualTo(Duration.ofSeconds(15));
        List<String> sent = acknowledged.contentions().stream().filter(k -> k.startsWith("k-hb-")).toList();
        await().atMost(60, TimeUnit.SECONDS).until(() -> decisionsByTrigger(frozen.http(), p).keySet().containsAll(sent));
        assertDecidedOnce(frozen, p, sent);
    }

    @Test
    @Order(5)
    void killingTheOwnerOfABusyPlatformDuringAMigrationLosesNothingAcknowledgedRunsEachActionOnceAndChargesOnce()
            throws Exception {
        MemberProcess owner = cluster.any(m -> !m.zone().equals("zone-a"));
        String p = cluster.platformOwnedBy(owner, "p-busy-");
        MigrationScenario migration = MigrationScenario.on(cluster.platformOwnedBy(owner, "p-mig-"), null);
        JsonArray setup = new JsonArray().add(platform("e-" + p, p, 16, 64)).add(client("e-c-" + p, "cheap-busy", "bronze"));
        for (int n = 1; n <= 3; n++) {
            setup.add(instance("e-" + p + n, p + "-i" + n, "cheap-busy", p, "interruptible", 4, 8).put("time", HOUR_AGO));
        }
        acknowledged.send(cluster.alive().get(0), setup);
        acknowledged.send(cluster.alive().get(0), migration.events(Instant.parse(HOUR_AGO)));
        awaitScored(owner, "cheap-busy");
        awaitScored(owner, migration.client());
        for (int n = 1; n <= 3; n++) {
            behave(owner.http(), p + "-i" + n, "{\"onShutdown\":\"ignore\"}");
        }
        behave(owner.http(), migration.instance(), "{\"terminateFails\":true}");
        // Victims whose graceful shutdown the owner is still waiting for when it dies.
        acknowledged.send(owner, new JsonArray().add(contention("k-victim", p, "normal", 14, "dear")));
        String victimAction = decision(owner.http(), p, "k-victim").getJsonArray("actions").getJsonObject(0).getString("actionId");

        AtomicInteger ackedAfterKill = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean ownerDead = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(2);
        load.submit(() -> {
            for (int n = 0; running.get(); n++) {
                List<MemberProcess> to = cluster.alive();
                String id = "load-" + n;
                acknowledged.trySend(to.get(n % to.size()), new JsonArray()
                        .add(instance("e-" + id, id, "cheap-busy", p, "interruptible", 1, 1).put("time", HOUR_AGO))
                        .add(usage("e-" + id + "-u", id, 0.5, 0.5, 1)));
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        });
        load.submit(() -> {
            for (int n = 0; running.get(); n++) {
                List<MemberProcess> to = cluster.alive();
                boolean dead = ownerDead.get();
                // Wants the whole platform: every instance started since the last one is interrupted.
                if (acknowledged.trySend(to.get(n % to.size()), new JsonArray()
                        .add(contention("k-load-" + n, p, "normal", 16, "dear"))) && dead) {
                    ackedAfterKill.incrementAndGet();
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
            }
        });
        try {
            await().atMost(60, TimeUnit.SECONDS).until(() -> acknowledged.contentions().stream()
                    .filter(k -> k.startsWith("k-load-")).count() >= 10 && interruptActions(owner.http(), p).size() >= 10);
            acknowledged.send(owner, new JsonArray().add(migration.extremeContention("k-mig", "dear")));
            String migrate = decision(owner.http(), migration.platform(), "k-mig").getJsonArray("actions").getJsonObject(0)
                    .getString("actionId");
            // Past the switch (the client is charged there), retrying the termination its simulator refuses.
            await().atMost(60, TimeUnit.SECONDS).until(() -> "terminating-original".equals(status(owner.http(), migrate)));
            assertThat(status(owner.http(), victimAction)).isEqualTo("graceful");
            List<MemberProcess> survivors = cluster.alive().stream().filter(m -> m != owner).toList();
            Map<MemberProcess, Counts> before = counts();

            cluster.kill(List.of(owner));
            Instant killedAt = Instant.now();
            ownerDead.set(true);
            System.out.println("killed (kill -9) " + owner + ", the owner of " + p + " and " + migration.platform()
                    + ", at " + killedAt);

            await().atMost(60, TimeUnit.SECONDS).until(() -> ackedAfterKill.get() >= 10);
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            MemberProcess survivor = survivors.get(0);
            Set<String> contentions = acknowledged.contentions();
            List<String> sentHere = contentions.stream().filter(k -> k.startsWith("k-load-") || k.equals("k-victim")).toList();
            await().atMost(60, TimeUnit.SECONDS).until(() -> decisionsByTrigger(survivor.http(), p).keySet().containsAll(sentHere));
            assertDecidedOnce(survivor, p, sentHere);
            Instant firstAfter = firstDecisionAfter(survivor.http(), p, killedAt);
            Duration takeover = Duration.between(killedAt, firstAfter);
            await().atMost(60, TimeUnit.SECONDS).untilAsserted(() -> assertThat(interruptActions(survivor.http(), p).stream()
                    .filter(a -> !FINAL.contains(a.getString("status")))
                    .map(a -> a.getString("actionId") + " " + history(survivor.http(), a.getString("actionId"))))
                    .as("interruptions not finished").isEmpty());
            List<JsonObject> interrupts = interruptActions(survivor.http(), p);
            long finishedByNewOwner = interrupts.stream().filter(a -> finishedAt(survivor.http(), a).isAfter(killedAt)).count();
            System.out.printf("takeover: the first decision on %s after kill -9 of its owner came %.1f s later "
                            + "(%d contentions acknowledged, %d of them after the kill; %d interruptions, %d finished "
                            + "by the new owner)%n", p, takeover.toMillis() / 1000.0, sentHere.size(), ackedAfterKill.get(),
                    interrupts.size(), finishedByNewOwner);
            assertThat(takeover).isLessThanOrEqualTo(Duration.ofSeconds(15));
            assertThat(status(survivor.http(), victimAction)).isIn("stopped", "terminated");

            await().atMost(60, TimeUnit.SECONDS).until(() -> FINAL.contains(status(survivor.http(), migrate)));
            assertThat(status(survivor.http(), migrate)).as(history(survivor.http(), migrate).encodePrettily()).isEqualTo("completed");
            Map<MemberProcess, Counts> after = counts();
            assertThat(survivors.stream().mapToDouble(m -> after.get(m).interrupts() - before.get(m).interrupts()).sum())
                    .as("interruptions the survivors finished: each one the dead owner had not, once")
                    .isEqualTo(finishedByNewOwner);
            Map<String, Long> unfinishedAtKill = new HashMap<>();
            interrupts.forEach(a -> unfinishedAtKill.merge(a.getString("instanceId"),
                    finishedAt(survivor.http(), a).isAfter(killedAt) ? 1L : 0L, Long::sum));
            unfinishedAtKill.forEach((instance, expected) -> assertThat(survivors.stream()
                    .mapToLong(m -> shutdownsAsked(m.http(), instance)).sum())
                    .as("graceful shutdowns of " + instance + " the survivors asked for: one per action the dead owner "
                            + "had not finished, none for those it had").isEqualTo(expected));
            assertThat(survivors.stream().mapToDouble(m -> after.get(m).migrations() - before.get(m).migrations()).sum())
                    .as("the migration finished once, by the new owner").isEqualTo(1);
            JsonArray charged = ledger(survivor.http(), migration.client());
            assertThat(charged.stream().map(e -> ((JsonObject) e).getString("type")).toList())
                    .as("charged once for the migration").containsExactlyInAnyOrder("penalty", "downgrade");
            for (MemberProcess m : survivors) {
                assertThat(ledger(m.http(), migration.client())).as("the ledger read from " + m).isEqualTo(charged);
                acknowledged.assertReadableFrom(m);
            }
        } finally {
            running.set(false);
            load.shutdownNow();
        }
    }

    @Test
    @Order(6)
    void losingBothMembersOfOneZoneAtOnceLosesNothingAcknowledged() {
        List<MemberProcess> zoneA = cluster.alive().stream().filter(m -> m.zone().equals("zone-a")).toList();
        List<MemberProcess> rest = cluster.alive().stream().filter(m -> !m.zone().equals("zone-a")).toList();
        assertThat(zoneA).as("zone a's two members").hasSize(2);
        assertThat(rest).as("a member in another zone").isNotEmpty();
        cluster.awaitSettled(cluster.alive().size());

        cluster.kill(zoneA);

        await().atMost(60, TimeUnit.SECONDS).ignoreExceptions().until(() -> rest.stream()
                .allMatch(m -> Metrics.sum(m.http(), "arbiter_cluster_members") == rest.size()));
        for (MemberProcess m : rest) {
            acknowledged.assertReadableFrom(m);
            acknowledged.assertRememberedBy(m);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** What one member counted: decisions it took, interruptions and migrations it finished, stops reported twice. */
    private record Counts(double arbitrations, double interrupts, double migrations, double stoppedAgain) {
    }

    private static Map<MemberProcess, Counts> counts() {
        Map<MemberProcess, Counts> counts = new HashMap<>();
        for (MemberProcess m : cluster.alive()) {
            counts.put(m, new Counts(Metrics.sum(m.http(), "arbiter_arbitration_seconds_count"),
                    Metrics.sum(m.http(), "arbiter_actions_total", "type=\"interrupt\""),
                    Metrics.sum(m.http(), "arbiter_actions_total", "type=\"migrate\"", "outcome=\"completed\""),
                    Metrics.sum(m.http(), "arbiter_events_duplicates_total", "type=\"instance.stopped\"")));
        }
        return counts;
    }

    /** Each of {@code contentions} on {@code platformId} has exactly one decision, as {@code m} reads them. */
    private static void assertDecidedOnce(MemberProcess m, String platformId, List<String> contentions) {
        Map<String, Integer> decided = decisionsByTrigger(m.http(), platformId);
        for (String k : contentions) {
            assertThat(decided.get(k)).as("decisions of contention " + k + ", read from " + m).isEqualTo(1);
        }
    }

    private static void awaitScored(MemberProcess m, String clientId) {
        await().atMost(30, TimeUnit.SECONDS).until(() -> m.http().get("/v1/clients/" + clientId).json().getValue("cvs") != null
                && m.http().get("/v1/clients/dear").json().getValue("cvs") != null);
    }

    private static HttpResponse<String> routed(MemberProcess m, String path) throws Exception {
        return ROUTED.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.routerPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

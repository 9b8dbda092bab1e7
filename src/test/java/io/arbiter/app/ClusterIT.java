package io.arbiter.app;

import io.arbiter.arbitration.DecisionIds;
import io.arbiter.testing.ClusterFiles;
import io.arbiter.testing.DecisionFeed;
import io.arbiter.testing.Http;
import io.arbiter.testing.MemberProcess;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.instance;
import static io.arbiter.testing.Events.platform;
import static io.arbiter.testing.Events.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three real member JVMs on 127.0.0.1, in zones a, b and c, started as {@code bin/arbiter serve
 * --cluster cluster-config/cluster.yaml --zone Z} starts them (on free ports). The tests run in
 * order on the one cluster: the last two lose the member that owns a busy platform, with
 * {@code kill -9}, and check what the two left still hold.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final List<String> ZONES = List.of("zone-a", "zone-b", "zone-c");
    private static final Pattern ARBITRATIONS = Pattern.compile("(?m)^arbiter_arbitration_seconds_count\\S* (\\S+)$");

    private static Path workDir;
    private static final List<MemberProcess> members = new ArrayList<>();
    private static final List<MemberProcess> alive = new CopyOnWriteArrayList<>();
    /** Every batch acknowledged by a member, with what it made readable. */
    private static final List<JsonArray> acknowledgedBatches = new CopyOnWriteArrayList<>();
    private static final Set<String> acknowledgedInstances = ConcurrentHashMap.newKeySet();
    private static final Set<String> acknowledgedPlatforms = ConcurrentHashMap.newKeySet();
    private static MemberProcess killed;

    @BeforeAll
    static void startThreeMembersInThreeZones() throws Exception {
        workDir = Files.createTempDirectory("arbiter-cluster-");
        List<Integer> ports = ClusterFiles.freePorts(6);
        List<Path> files = ClusterFiles.write(workDir, ports.subList(0, 3));
        for (int i = 0; i < 3; i++) {
            members.add(MemberProcess.start(workDir, files.get(i), ZONES.get(i), ports.get(3 + i)));
        }
        alive.addAll(members);
        try {
            await().atMost(150, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                    members.stream().allMatch(m -> m.http().get("/ready").status() == 200
                            && settledWith(m, 3)));
        } catch (RuntimeException e) {
            members.forEach(m -> System.out.println("---- " + m.zone() + "\n" + m.log()));
            throw e;
        }
        Http first = members.get(0).http();
        String version = first.editPolicy(policy -> policy.getJsonObject("interruption").put("gracePeriod", "PT20S"))
                .json().getString("version");
        await().atMost(30, TimeUnit.SECONDS).until(() -> members.stream()
                .allMatch(m -> version.equals(m.http().get("/v1/policy").json().getString("version"))));
        assertThat(first.events(client("c-dear", "dear", "platinum").encode()).status()).isEqualTo(202);
    }

    @AfterAll
    static void stop() {
        members.parallelStream().forEach(MemberProcess::close);
        if (Boolean.getBoolean("arbiter.cluster.logs")) {
            members.forEach(m -> System.out.println("---- " + m.zone() + "\n" + m.log()));
        }
    }

    @Test
    @Order(1)
    void eventsSentRoundRobinToAllMembersAreAllReadableFromEveryMember() {
        for (int k = 0; k < 9; k++) {
            String p = "p-rr-" + k;
            JsonArray batch = new JsonArray().add(platform("e-" + p, p, 32, 128)).add(client("e-c-" + p, "c-" + p, "silver"));
            for (int n = 0; n < 3; n++) {
                batch.add(instance("e-" + p + "-i" + n, p + "-i" + n, "c-" + p, p, "interruptible", 2, 4));
                batch.add(usage("e-" + p + "-u" + n, p + "-i" + n, 1.5, 3, 10));
            }
            send(members.get(k % 3), batch);
        }

        for (MemberProcess m : members) {
            for (int k = 0; k < 9; k++) {
                String p = "p-rr-" + k;
                JsonObject view = m.http().get("/v1/platforms/" + p).json();
                assertThat(view.getJsonObject("allocated").getDouble("cpu")).as(m.zone() + " " + p).isEqualTo(6.0);
                assertThat(m.http().get("/v1/clients/c-" + p).status()).isEqualTo(200);
                JsonObject i = m.http().get("/v1/instances/" + p + "-i2").json();
                assertThat(i.getString("state")).isEqualTo("running");
                assertThat(i.getJsonObject("usage").getDouble("cpu")).isEqualTo(1.5);
            }
        }
    }

    @Test
    @Order(2)
    void aContentionSentToANonOwnerIsDecidedOnceByTheOwnerAndEveryMembersFeedShowsIt() {
        String p = "p-own";
        send(members.get(0), new JsonArray().add(platform("e-" + p, p, 16, 64))
                .add(client("e-c-" + p, "cheap-own", "bronze"))
                .add(instance("e-" + p + "-i", p + "-i", "cheap-own", p, "interruptible", 4, 8)));
        MemberProcess owner = ownerOf(p);
        MemberProcess nonOwner = alive.stream().filter(m -> m != owner).findFirst().orElseThrow();
        Map<MemberProcess, Double> before = new HashMap<>();
        alive.forEach(m -> before.put(m, arbitrations(m)));
        List<DecisionFeed> feeds = alive.stream().map(m -> new DecisionFeed(m.http())).toList();
        await().atMost(10, TimeUnit.SECONDS).until(() -> feeds.stream().allMatch(DecisionFeed::isConnected));

        send(nonOwner, new JsonArray().add(contention("k-own", p, 2, null)));

        await().atMost(30, TimeUnit.SECONDS).ignoreExceptions().until(() -> arbitrations(owner) == before.get(owner) + 1);
        String decisionId = DecisionIds.decision(p, "k-own", 0);
        await().atMost(10, TimeUnit.SECONDS).until(() -> feeds.stream().allMatch(f -> f.hasSent(decisionId)));
        feeds.forEach(DecisionFeed::close);

        Http.Answer asked = nonOwner.http().post("/v1/arbitrations", "application/json",
                contention("k-own-asked", p, 2, null).encode());
        assertThat(asked.status()).as("POST /v1/arbitrations to a non-owner: " + asked.body()).isEqualTo(201);
        assertThat(asked.json().getJsonObject("trigger").getString("id")).isEqualTo("k-own-asked");
        assertThat(arbitrations(owner)).as("decided by the owner").isEqualTo(before.get(owner) + 2);
        for (MemberProcess m : alive) {
            assertThat(decisionsByTrigger(m, p)).as("decisions seen from " + m.zone())
                    .containsOnly(Map.entry("k-own", 1), Map.entry("k-own-asked", 1));
            if (m != owner) {
                assertThat(arbitrations(m)).as("decisions taken by non-owner " + m.zone()).isEqualTo(before.get(m));
            }
        }
    }

    @Test
    @Order(3)
    void killingTheOwnerOfABusyPlatformLosesNothingAcknowledgedAndArbitrationResumesWithin15Seconds() throws Exception {
        String p = "p-busy";
        String hourAgo = Instant.now().minusSeconds(3600).toString();
        JsonArray setup = new JsonArray().add(platform("e-" + p, p, 16, 64)).add(client("e-c-" + p, "cheap-busy", "bronze"))
                .add(client("e-l-" + p, "load-busy", "gold"));
        for (int n = 1; n <= 3; n++) {
            setup.add(instance("e-" + p + n, p + "-i" + n, "cheap-busy", p, "interruptible", 4, 8).put("time", hourAgo));
        }
        send(members.get(0), setup);
        MemberProcess owner = ownerOf(p);
        await().atMost(30, TimeUnit.SECONDS).until(() -> owner.http().get("/v1/clients/cheap-busy").json().getValue("cvs") != null
                && owner.http().get("/v1/clients/dear").json().getValue("cvs") != null);
        for (int n = 1; n <= 3; n++) {
            Http.Answer a = owner.http().send(HttpRequest.newBuilder(owner.http().uri("/v1/simulator/instances/" + p + "-i" + n))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"onShutdown\":\"ignore\"}")));
            assertThat(a.status()).isEqualTo(200);
        }
        // A victim whose graceful shutdown the owner is still waiting for when it dies.
        send(owner, new JsonArray().add(contention("k-victim", p, 8, "dear")));
        await().atMost(30, TimeUnit.SECONDS).ignoreExceptions().until(() -> "graceful".equals(victimAction(owner, p).getString("status")));
        String victimActionId = victimAction(owner, p).getString("actionId");

        Set<String> acknowledgedContentions = ConcurrentHashMap.newKeySet();
        AtomicInteger ackedAfterKill = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean ownerDead = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(2);
        load.submit(() -> {
            for (int n = 0; running.get(); n++) {
                MemberProcess to = alive.get(n % alive.size());
                String id = "load-" + n;
                JsonArray batch = new JsonArray().add(instance("e-" + id, id, "load-busy", p, "uninterruptible", 0, 0));
                for (int u = 1; u <= 3; u++) {
                    batch.add(usage("e-" + id + "-u" + u, p + "-i" + u, 0.5, 1, 1));
                }
                if (trySend(to, batch)) {
                    acknowledgedInstances.add(id);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        });
        load.submit(() -> {
            for (int n = 0; running.get(); n++) {
                MemberProcess to = alive.get(n % alive.size());
                boolean dead = ownerDead.get();
                if (trySend(to, new JsonArray().add(contention("k-load-" + n, p, 0.5, null)))) {
                    acknowledgedContentions.add("k-load-" + n);
                    if (dead) {
                        ackedAfterKill.incrementAndGet();
                    }
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        });
        try {
            await().atMost(30, TimeUnit.SECONDS).until(() -> acknowledgedContentions.size() >= 10
                    && acknowledgedInstances.size() >= 20);

            alive.remove(owner);
            owner.kill();
            killed = owner;
            Instant killedAt = Instant.now();
            ownerDead.set(true);
            System.out.println("killed (kill -9) the owner of " + p + ", in " + owner.zone() + ", at " + killedAt);

            await().atMost(60, TimeUnit.SECONDS).until(() -> ackedAfterKill.get() >= 10);
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            MemberProcess survivor = alive.get(0);
            await().atMost(60, TimeUnit.SECONDS).until(() ->
                    decisionsByTrigger(survivor, p).keySet().containsAll(acknowledgedContentions));
            Map<String, Integer> byTrigger = decisionsByTrigger(survivor, p);
            assertThat(byTrigger.values()).as("decisions per contention").allMatch(n -> n == 1);
            Instant firstAfter = decisions(survivor, p).stream().map(d -> Instant.parse(d.getString("decidedAt")))
                    .filter(t -> t.isAfter(killedAt)).min(Instant::compareTo).orElseThrow();
            Duration takeover = Duration.between(killedAt, firstAfter);
            System.out.printf("takeover: the first decision on %s after kill -9 of its owner came %.1f s later "
                    + "(%d contentions acknowledged, %d of them after the kill, each decided once)%n", p,
                    takeover.toMillis() / 1000.0, acknowledgedContentions.size(), ackedAfterKill.get());
            assertThat(takeover).isLessThanOrEqualTo(Duration.ofSeconds(15));

            await().atMost(60, TimeUnit.SECONDS).until(() -> Set.of("stopped", "terminated")
                    .contains(survivor.http().get("/v1/actions/" + victimActionId).json().getString("status")));
            for (MemberProcess m : alive) {
                for (String id : acknowledgedInstances) {
                    assertThat(m.http().get("/v1/instances/" + id).status()).as(id + " from " + m.zone()).isEqualTo(200);
                }
            }
        } finally {
            running.set(false);
            load.shutdownNow();
        }
    }

    @Test
    @Order(4)
    void afterLosingOneZonesMemberNothingAcknowledgedIsLost() throws Exception {
        if (killed == null) {
            killed = members.get(2);
            alive.remove(killed);
            killed.kill();
        }
        await().atMost(60, TimeUnit.SECONDS).ignoreExceptions().until(() -> alive.stream()
                .allMatch(m -> settledWith(m, 2)));

        for (MemberProcess m : alive) {
            JsonObject cluster = m.http().get("/v1/cluster").json();
            assertThat(cluster.getBoolean("majority")).isTrue();
            assertThat(cluster.getJsonArray("members").stream().map(o -> ((JsonObject) o).getString("zone")))
                    .doesNotContain(killed.zone()).doesNotHaveDuplicates();
            for (String p : acknowledgedPlatforms) {
                assertThat(m.http().get("/v1/platforms/" + p).status()).as(p + " from " + m.zone()).isEqualTo(200);
            }
            for (String id : acknowledgedInstances) {
                assertThat(m.http().get("/v1/instances/" + id).status()).as(id + " from " + m.zone()).isEqualTo(200);
            }
        }
        int events = acknowledgedBatches.stream().mapToInt(JsonArray::size).sum();
        int duplicates = 0;
        for (JsonArray batch : acknowledgedBatches) {
            Http.Answer again = alive.get(0).http().events(batch.encode());
            assertThat(again.status()).isEqualTo(202);
            duplicates += again.json().getInteger("duplicates");
        }
        assertThat(duplicates).as("every acknowledged event id is still remembered").isEqualTo(events);
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** True when {@code m} sees {@code size} members and no partition is moving: owners stay put. */
    private static boolean settledWith(MemberProcess m, int size) {
        JsonObject cluster = m.http().get("/v1/cluster").json();
        return cluster.getJsonArray("members").size() == size && cluster.getBoolean("settled");
    }

    private static JsonObject contention(String id, String platformId, double cpu, String beneficiary) {
        JsonObject c = new JsonObject().put("id", id).put("type", "contention").put("platformId", platformId)
                .put("reason", "capacity").put("severity", "normal")
                .put("need", new JsonObject().put("cpu", cpu).put("memoryGiB", 0));
        return beneficiary == null ? c : c.put("beneficiary", beneficiary);
    }

    private static void send(MemberProcess to, JsonArray batch) {
        Http.Answer a = to.http().events(batch.encode());
        assertThat(a.status()).as(a.body()).isEqualTo(202);
        remember(batch);
    }

    /** Sends under load: a refusal or a dead member is not an acknowledgement, and not a failure. */
    private static boolean trySend(MemberProcess to, JsonArray batch) {
        try {
            if (to.http().events(batch.encode()).status() == 202) {
                remember(batch);
                return true;
            }
        } catch (RuntimeException e) {
            // not acknowledged
        }
        return false;
    }

    private static void remember(JsonArray batch) {
        acknowledgedBatches.add(batch);
        batch.forEach(o -> {
            JsonObject e = (JsonObject) o;
            switch (e.getString("type")) {
                case "platform.registered" -> acknowledgedPlatforms.add(e.getString("platformId"));
                case "instance.started" -> acknowledgedInstances.add(e.getString("instanceId"));
                default -> { }
            }
        });
    }

    private static MemberProcess ownerOf(String platformId) {
        String ownerId = alive.get(0).http().get("/v1/cluster/owners/" + platformId).json()
                .getJsonObject("owner").getString("id");
        return alive.stream().filter(m -> ownerId.equals(m.http().get("/v1/cluster").json()
                .getJsonObject("self").getString("id"))).findFirst().orElseThrow();
    }

    private static double arbitrations(MemberProcess m) {
        Matcher found = ARBITRATIONS.matcher(m.http().get("/metrics").body());
        return found.find() ? Double.parseDouble(found.group(1)) : 0;
    }

    private static List<JsonObject> decisions(MemberProcess m, String platformId) {
        return m.http().get("/v1/decisions?limit=1000&platformId=" + platformId).json().getJsonArray("decisions")
                .stream().map(o -> (JsonObject) o).toList();
    }

    private static Map<String, Integer> decisionsByTrigger(MemberProcess m, String platformId) {
        Map<String, Integer> counts = new HashMap<>();
        decisions(m, platformId).forEach(d -> counts.merge(d.getJsonObject("trigger").getString("id"), 1, Integer::sum));
        return counts;
    }

    private static JsonObject victimAction(MemberProcess m, String platformId) {
        return decisions(m, platformId).stream().filter(d -> "k-victim".equals(d.getJsonObject("trigger").getString("id")))
                .findFirst().orElseThrow().getJsonArray("actions").getJsonObject(0);
    }
}

package io.arbiter.testing;

import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Member JVMs on 127.0.0.1 forming one cluster on the shipped {@code cluster-config/cluster.yaml}
 * (free ports, see {@link ClusterFiles}), all on one fresh database of the test JVM's PostgreSQL
 * ({@link TestDatabase}), as a cluster requires. Members are named and zoned by the caller, for
 * instance {@code a1:zone-a}; those killed leave {@link #alive()}.
 */
public final class TestCluster implements AutoCloseable {

    private final List<MemberProcess> members = new ArrayList<>();
    private final List<MemberProcess> alive = new CopyOnWriteArrayList<>();

    private TestCluster() {
    }

    /** Starts one member per {@code name:zone} and waits until every one is ready and sees all. */
    public static TestCluster start(String... namesAndZones) throws Exception {
        Path work = Files.createTempDirectory("arbiter-cluster-");
        List<Path> files = ClusterFiles.write(work, FreePorts.distinct(namesAndZones.length));
        String store = TestDatabase.fresh().jdbcUrl();
        TestCluster cluster = new TestCluster();
        for (int i = 0; i < namesAndZones.length; i++) {
            String[] nameZone = namesAndZones[i].split(":");
            cluster.members.add(MemberProcess.start(work, files.get(i), nameZone[0], nameZone[1], store));
        }
        cluster.alive.addAll(cluster.members);
        try {
            await().atMost(180, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                    cluster.members.stream().allMatch(m -> m.http().get("/ready").status() == 200)
                            && cluster.settledWith(namesAndZones.length));
        } catch (RuntimeException e) {
            cluster.printLogs();
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The members not killed, in the order they were started. */
    public List<MemberProcess> alive() {
        return alive;
    }

    /** The first member alive that {@code filter} accepts. */
    public MemberProcess any(Predicate<MemberProcess> filter) {
        return alive.stream().filter(filter).findFirst().orElseThrow(() -> new AssertionError("no such member alive"));
    }

    /** True when every member alive sees {@code size} members and no partition is moving. */
    public boolean settledWith(int size) {
        return alive.stream().allMatch(m -> {
            JsonObject cluster = m.http().get("/v1/cluster").json();
            return cluster.getJsonArray("members").size() == size && cluster.getBoolean("settled");
        });
    }

    /** Waits until every member alive sees {@code size} members, partitions settled. */
    public void awaitSettled(int size) {
        await().atMost(120, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> settledWith(size));
    }

    /**
     * The member alive that owns {@code platformId}'s partition, and so decides for it; while the
     * partition moves (the answer is 503), asked again for up to a minute.
     */
    public MemberProcess ownerOf(String platformId) {
        Http.Answer owner = await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250))
                .until(() -> alive.get(0).http().get("/v1/cluster/owners/" + platformId), a -> a.status() == 200);
        String ownerId = owner.json().getJsonObject("owner").getString("id");
        return any(m -> ownerId.equals(idOf(m)));
    }

    /** The first platform id {@code prefix + n} (n = 0, 1, …) whose partition {@code owner} owns. */
    public String platformOwnedBy(MemberProcess owner, String prefix) {
        for (int n = 0; n < 10_000; n++) {
            if (ownerOf(prefix + n) == owner) {
                return prefix + n;
            }
        }
        throw new AssertionError(owner + " owns no platform named " + prefix + "N");
    }

    /** The member's id in the grid now (it changes when a member merges back after a split). */
    public static String idOf(MemberProcess m) {
        return m.http().get("/v1/cluster").json().getJsonObject("self").getString("id");
    }

    /** {@code kill -9} of each of {@code dying} at once; they leave {@link #alive()}. */
    public void kill(List<MemberProcess> dying) {
        alive.removeAll(dying);
        dying.parallelStream().forEach(m -> {
            try {
                m.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Prints every member's log (after a failure, or with {@code -Darbiter.cluster.logs=true}). */
    public void printLogs() {
        members.forEach(m -> System.out.println("---- " + m + "\n" + m.log()));
    }

    /** Stops every member still running (SIGTERM), in parallel. */
    @Override
    public void close() {
        members.parallelStream().forEach(MemberProcess::close);
        if (Boolean.getBoolean("arbiter.cluster.logs")) {
            printLogs();
        }
    }
}

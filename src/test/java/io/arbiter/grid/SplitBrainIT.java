package io.arbiter.grid;

import com.hazelcast.cluster.Address;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.multimap.MultiMap;
import com.hazelcast.instance.EndpointQualifier;
import com.hazelcast.instance.FirewallingNodeContext;
import com.hazelcast.instance.impl.HazelcastInstanceFactory;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.server.FirewallingServer;
import com.hazelcast.test.Accessors;
import io.arbiter.app.ArbiterNode;
import io.arbiter.app.ServerConfig;
import io.arbiter.domain.Endpoint;
import io.arbiter.domain.Route;
import io.arbiter.http.HttpOptions;
import io.arbiter.http.proxy.RouterOptions;
import io.arbiter.ledger.StoreOptions;
import io.arbiter.testing.ClusterFiles;
import io.arbiter.testing.FreePorts;
import io.arbiter.testing.Http;
import io.arbiter.testing.Metrics;
import io.arbiter.testing.ProjectDir;
import io.arbiter.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.instance;
import static io.arbiter.testing.Events.platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A member cut off from the two others, on the shipped {@code cluster-config/cluster.yaml}: three
 * Arbiter nodes in this JVM, whose members talk over real TCP on 127.0.0.1 through Hazelcast's
 * test firewall, so the test can cut and restore the links between them. They share one database
 * on the test JVM's PostgreSQL, as a cluster must.
 */
class SplitBrainIT {

    private static final List<String> ZONES = List.of("zone-a", "zone-b", "zone-c");
    private static final Pattern REFUSED = Pattern.compile("(?m)^arbiter_decisions_refused_total\\{[^}]*} (\\S+)$");

    private static final Map<Integer, HazelcastInstance> grids = new ConcurrentHashMap<>();
    private static final List<ArbiterNode> nodes = new ArrayList<>();

    @BeforeAll
    static void startThreeMembers() throws Exception {
        Path dir = Files.createTempDirectory("arbiter-split-");
        List<Path> files = ClusterFiles.write(dir, FreePorts.distinct(3));
        StoreOptions shared = TestDatabase.fresh();
        List<CompletableFuture<ArbiterNode>> starting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            MemberStarter firewalled = config -> {
                config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
                HazelcastInstance hz = HazelcastInstanceFactory.newHazelcastInstance(config, "split-" + ZONES.get(n),
                        new FirewallingNodeContext());
                grids.put(n, hz);
                return hz;
            };
            ServerConfig config = new ServerConfig(new HttpOptions("127.0.0.1", 0, ServerConfig.DEFAULT_MAX_BODY,
                    ServerConfig.DEFAULT_MAX_FRAME), new GridOptions(files.get(i), ZONES.get(i), Duration.ofHours(1),
                    firewalled), dir.resolve("data-" + i), ProjectDir.path().resolve("rules"),
                    ProjectDir.path().resolve("policies/default.yaml"), shared, RouterOptions.defaults("127.0.0.1", 0));
            starting.add(CompletableFuture.supplyAsync(() -> ArbiterNode.start(config, Clock.systemUTC())));
        }
        for (CompletableFuture<ArbiterNode> node : starting) {
            nodes.add(node.get(150, TimeUnit.SECONDS));
        }
        await().atMost(60, TimeUnit.SECONDS).until(() -> nodes.stream().allMatch(n -> membersSeenBy(n) == 3
                && http(n).get("/v1/cluster").json().getBoolean("settled")));
    }

    @AfterAll
    static void stop() {
        nodes.parallelStream().forEach(ArbiterNode::close);
    }

    @Test
    void aMemberCutOffFromTheOthersRefusesToDecideWhileInTheMinorityAndDecidesAfterTheClusterHeals() {
        String p = "p-split";
        Http majority = http(nodes.get(0));
        Http minority = http(nodes.get(2));
        assertThat(majority.events(new JsonArray().add(platform("e-" + p, p, 16, 64))
                .add(client("e-c-" + p, "c-split", "bronze"))
                .add(instance("e-i-" + p, p + "-i1", "c-split", p, "interruptible", 4, 8)).encode()).status())
                .isEqualTo(202);

        cut(2, 0);
        cut(2, 1);
        for (ArbiterNode node : nodes) {
            long start = System.nanoTime();
            assertThat(http(node).get("/v1/cluster").status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("GET /v1/cluster during the split answers "
                    + "without waiting the grid's 30 s for the unreachable members").isLessThan(Duration.ofSeconds(10));
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> membersSeenBy(nodes.get(2)) == 1
                && membersSeenBy(nodes.get(0)) == 2 && membersSeenBy(nodes.get(1)) == 2);

        assertThat(minority.get("/v1/cluster").json().getBoolean("majority")).isFalse();
        Http.Answer refused = minority.post("/v1/arbitrations", "application/json", contention("k-direct", p).encode());
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.json().getString("error")).contains("minority");
        // The platform's partition may have had neither its primary nor its backup on the cut-off
        // member, so the minority is told of the platform again with the contention.
        String withContention = new JsonArray().add(platform("e-again-" + p, p, 16, 64))
                .add(contention("k-split", p)).encode();
        Http.Answer notAcknowledged = minority.events(withContention);
        assertThat(notAcknowledged.status()).as("a contention the minority cannot decide is not acknowledged")
                .isEqualTo(503);
        assertThat(notAcknowledged.body()).contains("minority");
        await().atMost(20, TimeUnit.SECONDS).until(() -> refusals(minority) >= 1);
        Http.Answer reads = minority.get("/v1/decisions?platformId=" + p);
        assertThat(reads.status()).as("the decision log is protected for reads too").isEqualTo(503);
        assertThat(reads.body()).contains("minority");
        Http.Answer decided = majority.post("/v1/arbitrations", "application/json", contention("k-major", p).encode());
        assertThat(decided.status()).as("the majority side decides: " + decided.body()).isEqualTo(201);
        assertThat(triggers(majority, p)).containsExactly("k-major");
        assertThat(refusals(majority)).isZero();
        Route switched = new Route("split-svc", "split-copy", new Endpoint("127.0.0.1", 9), false);
        assertThatThrownBy(() -> routes(2).update("split-svc", r -> switched).toCompletableFuture().join())
                .as("the minority switches no traffic").hasCauseInstanceOf(MinorityException.class)
                .hasMessageContaining("refusing to change the route of service 'split-svc'");
        assertThat(routes(2).route("split-svc").toCompletableFuture().join()).as("but reads the route table").isEmpty();
        assertThat(routes(0).update("split-svc", r -> switched).toCompletableFuture().join().route()).isEqualTo(switched);

        heal(2, 0);
        heal(2, 1);
        await().atMost(90, TimeUnit.SECONDS).until(() -> nodes.stream().allMatch(n -> membersSeenBy(n) == 3
                && http(n).get("/v1/cluster").json().getBoolean("settled")));
        assertThat(minority.get("/v1/cluster").json().getBoolean("majority")).isTrue();
        Http.Answer sentAgain = minority.events(withContention);
        assertThat(sentAgain.status()).as("sent again once healed, as the 503 asked: " + sentAgain.body())
                .isEqualTo(202);
        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(triggers(majority, p)).containsExactlyInAnyOrder("k-major", "k-split"));
        assertThat(triggers(minority, p)).containsExactlyInAnyOrder("k-major", "k-split");
        assertThat(routes(2).route("split-svc").toCompletableFuture().join().orElseThrow().route())
                .as("the majority's route, once healed").isEqualTo(switched);
    }

    @Test
    void aContentionForAnOwnerWhoseAddressTheEventBusLostReachesItThroughTheGrid() {
        String p = "p-lost-address";
        Http first = http(nodes.get(0));
        assertThat(first.events(new JsonArray().add(platform("e-" + p, p, 16, 64)).encode()).status()).isEqualTo(202);
        await().atMost(60, TimeUnit.SECONDS).until(() -> nodes.stream().allMatch(n -> membersSeenBy(n) == 3
                && http(n).get("/v1/cluster").json().getBoolean("settled")));
        int owner = ownerOf(p);
        int other = (owner + 1) % 3;
        // The owner's arbitration address leaves the event bus's registry (as when registrations are
        // lost while members come and go): requests over the bus find no handler.
        MultiMap<String, Object> registry = grids.get(other).getMultiMap("__vertx.subs");
        String address = "arbiter.arbitrate." + grids.get(owner).getCluster().getLocalMember().getUuid();
        Collection<Object> lost = registry.remove(address);
        assertThat(lost).as("the owner's registration on the event bus").isNotEmpty();
        try {
            Http.Answer decided = http(nodes.get(other)).post("/v1/arbitrations", "application/json",
                    contention("k-lost", p).encode());
            assertThat(decided.status()).as(decided.body()).isEqualTo(201);
            assertThat(decided.json().getJsonObject("trigger").getString("id")).isEqualTo("k-lost");
            assertThat(Metrics.sum(http(nodes.get(other)), "arbiter_arbitrations_through_grid_total"))
                    .as("handed over through the grid").isEqualTo(1);
            assertThat(triggers(http(nodes.get(owner)), p)).containsExactly("k-lost");

            Http.Answer again = http(nodes.get(other)).post("/v1/arbitrations", "application/json",
                    contention("k-lost", p).encode());
            assertThat(again.status()).as("the same contention again: " + again.body()).isEqualTo(200);
            assertThat(triggers(http(nodes.get(owner)), p)).containsExactly("k-lost");
        } finally {
            lost.forEach(registration -> registry.put(address, registration));
        }
    }

    /** The node whose member owns {@code platformId}'s partition. */
    private static int ownerOf(String platformId) {
        for (int n = 0; n < 3; n++) {
            HazelcastInstance hz = grids.get(n);
            if (hz.getPartitionService().getPartition(platformId).getOwner().localMember()) {
                return n;
            }
        }
        throw new IllegalStateException("no member owns " + platformId);
    }

    /** The route table as member {@code n} reads and writes it. */
    private static GridRoutes routes(int n) {
        HazelcastInstance hz = grids.get(n);
        return new GridRoutes(hz, Runnable::run, new GridOwnership(hz));
    }

    private static JsonObject contention(String id, String platformId) {
        return new JsonObject().put("id", id).put("type", "contention").put("platformId", platformId)
                .put("reason", "capacity").put("severity", "normal")
                .put("need", new JsonObject().put("cpu", 2).put("memoryGiB", 0));
    }

    private static Http http(ArbiterNode node) {
        return new Http(node.port());
    }

    private static int membersSeenBy(ArbiterNode node) {
        return http(node).get("/v1/cluster").json().getJsonArray("members").size();
    }

    private static double refusals(Http http) {
        Matcher m = REFUSED.matcher(http.get("/metrics").body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static List<String> triggers(Http http, String platformId) {
        return http.get("/v1/decisions?limit=100&platformId=" + platformId).json().getJsonArray("decisions").stream()
                .map(d -> ((JsonObject) d).getJsonObject("trigger").getString("id")).toList();
    }

    /** Cuts the link between two members both ways, and has each declare the other gone at once. */
    private static void cut(int a, int b) {
        HazelcastInstance x = grids.get(a);
        HazelcastInstance y = grids.get(b);
        firewall(x).blockNewConnection(Accessors.getAddress(y));
        firewall(y).blockNewConnection(Accessors.getAddress(x));
        firewall(x).closeActiveConnection(Accessors.getAddress(y));
        firewall(y).closeActiveConnection(Accessors.getAddress(x));
        suspect(x, y);
        suspect(y, x);
    }

    private static void heal(int a, int b) {
        firewall(grids.get(a)).unblock(Accessors.getAddress(grids.get(b)));
        firewall(grids.get(b)).unblock(Accessors.getAddress(grids.get(a)));
    }

    private static FirewallingServer.FirewallingServerConnectionManager firewall(HazelcastInstance hz) {
        return (FirewallingServer.FirewallingServerConnectionManager) Accessors.getNode(hz).getServer()
                .getConnectionManager(EndpointQualifier.MEMBER);
    }

    private static void suspect(HazelcastInstance by, HazelcastInstance whom) {
        Node node = Accessors.getNode(by);
        Address address = Accessors.getAddress(whom);
        Member member = node.getClusterService().getMember(address);
        if (member != null) {
            node.getClusterService().suspectMember(member, "cut off by the test", true);
        }
    }
}

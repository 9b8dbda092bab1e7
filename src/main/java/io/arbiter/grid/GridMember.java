package io.arbiter.grid;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MetadataPolicy;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.util.ConcurrencyUtil;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * This process's Hazelcast member: started from the operator's configuration file (see
 * {@code cluster-config/}) with Arbiter's serializers and map settings added, and shut down on
 * {@link #close()}.
 */
public final class GridMember implements AutoCloseable {

    /**
     * Partitions of the built-in single member, as {@code cluster-config/local.yaml} has too: one
     * member has nothing to spread over others, and fewer partitions than a cluster's 271 make each
     * batched write of ingestion cover more of its batch.
     */
    static final int SINGLE_MEMBER_PARTITIONS = 31;

    /** Member attribute that names the zone, read by ZONE_AWARE partition groups. */
    public static final String ZONE_ATTRIBUTE = "hazelcast.partition.group.zone";
    /** Member attribute with the Vert.x node id, which vertx-hazelcast reads from the member. */
    private static final String VERTX_NODE_ID = "__vertx.nodeId";

    private final HazelcastInstance hazelcast;
    private final GridStore store;
    private final ExecutorService gridThreads = GridStore.daemonPool(2, "arbiter-grid");
    /** Recording decisions and action states, and claiming actions: never behind scoring or listings. */
    private final ExecutorService decisionThreads = GridStore.daemonPool(4, "arbiter-decisions");
    /**
     * Scans over whole maps that nothing waits for at once: scoring's read of every client, listings
     * of the decision log (operators' reads, unfinished actions after a takeover). A scan waits on a
     * member gone silent until the cluster drops it and its partitions move; here it holds up only
     * other scans.
     */
    private final ExecutorService scanThreads = GridStore.daemonPool(2, "arbiter-grid-scan");
    private final GridDecisionLog decisionLog;
    private final GridScores scores;
    private final GridClients clients;
    private final GridOwnership ownership;
    private final GridRoutes routes;
    private final OwnedInstances ownedInstances;
    private final ActionClaims claims;

    private GridMember(HazelcastInstance hazelcast, GridOptions options) {
        this.hazelcast = hazelcast;
        this.ownership = new GridOwnership(hazelcast);
        this.store = new GridStore(hazelcast, options);
        this.decisionLog = new GridDecisionLog(hazelcast, ownership, decisionThreads, scanThreads);
        this.scores = new GridScores(hazelcast, gridThreads);
        this.clients = new GridClients(hazelcast, scanThreads);
        this.routes = new GridRoutes(hazelcast, gridThreads, ownership);
        this.ownedInstances = new OwnedInstances(hazelcast, gridThreads);
        this.claims = new ActionClaims(hazelcast, decisionThreads);
    }

    /** Starts a member; throws {@link IllegalArgumentException} naming the file when it cannot be read. */
    public static GridMember start(GridOptions options) {
        AsyncExecutor.install();
        Config config = load(options);
        addArbiterSettings(config, options);
        HazelcastInstance hazelcast = options.starter() == null ? Hazelcast.newHazelcastInstance(config)
                : options.starter().start(config);
        return new GridMember(hazelcast, options);
    }

    /**
     * How the configuration of {@code options} joins other members over the network ({@code "tcp-ip
     * join"}, {@code "multicast join"} or {@code "auto-detection"}), or empty when it joins none (the
     * single-member default). Reads the file; throws {@link IllegalArgumentException} naming it when
     * it cannot be read.
     */
    public static Optional<String> networkJoin(GridOptions options) {
        return joinOf(load(options));
    }

    private static Optional<String> joinOf(Config config) {
        JoinConfig join = config.getNetworkConfig().getJoin();
        if (join.getTcpIpConfig().isEnabled()) {
            return Optional.of("tcp-ip join");
        }
        if (join.getMulticastConfig().isEnabled()) {
            return Optional.of("multicast join");
        }
        return join.isAutoDetectionEnabled() ? Optional.of("auto-detection") : Optional.empty();
    }

    private static Config load(GridOptions options) {
        if (options.configFile() == null) {
            return singleMemberConfig();
        }
        if (!Files.isReadable(options.configFile())) {
            throw new IllegalArgumentException(options.configFile() + ": cluster configuration not found or not readable");
        }
        try {
            return Config.loadFromFile(options.configFile().toFile());
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(options.configFile() + ": " + e.getMessage(), e);
        }
    }

    /** The built-in default: one member on loopback that joins no network. */
    static Config singleMemberConfig() {
        Config config = new Config();
        config.setClusterName("arbiter");
        config.getNetworkConfig().setPortAutoIncrement(true).getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.partition.count", String.valueOf(SINGLE_MEMBER_PARTITIONS));
        return config;
    }

    private static void addArbiterSettings(Config config, GridOptions options) {
        config.setProperty("hazelcast.operation.fail.on.indeterminate.state", "true");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        if (options.zone() != null) {
            config.getMemberAttributeConfig().setAttribute(ZONE_ATTRIBUTE, options.zone());
        }
        var compact = config.getSerializationConfig().getCompactSerializationConfig();
        DomainSerializers.all().forEach(compact::addSerializer);
        DecisionSerializers.all().forEach(compact::addSerializer);
        ClientUsageSerializers.all().forEach(compact::addSerializer);
        compact.addSerializer(new RouteSerializer());

        addEventBusStructures(config);
        config.getMapConfig(GridMaps.USAGE).setInMemoryFormat(InMemoryFormat.OBJECT);
        config.getMapConfig(GridMaps.CLIENT_USAGE).setInMemoryFormat(InMemoryFormat.OBJECT);
        config.getMapConfig(GridMaps.INSTANCE_CHANGES).setInMemoryFormat(InMemoryFormat.OBJECT);
        // Arbiter stores no JSON values: no metadata to keep for each write.
        for (String map : List.of(GridMaps.USAGE, GridMaps.CLIENT_USAGE, GridMaps.INSTANCES, GridMaps.INSTANCE_LOCATIONS,
                GridMaps.INSTANCE_CHANGES, GridMaps.EVENT_IDS, GridMaps.SCORES, GridMaps.STANDINGS)) {
            config.getMapConfig(map).setMetadataPolicy(MetadataPolicy.OFF);
        }
        // Written for every usage sample; their per-map statistics would be kept for nobody.
        for (String map : List.of(GridMaps.USAGE, GridMaps.CLIENT_USAGE, GridMaps.EVENT_IDS)) {
            config.getMapConfig(map).setStatisticsEnabled(false);
        }
        config.getMapConfig(GridMaps.EVENT_IDS)
                .setTimeToLiveSeconds((int) Math.min(Integer.MAX_VALUE, options.dedupeWindow().toSeconds()));
        config.getMapConfig(GridMaps.ACTION_CLAIMS).setTimeToLiveSeconds(GridMaps.ACTION_CLAIM_HOURS * 3600);
    }

    /**
     * The structures the clustered Vert.x event bus keeps in the grid, as vertx-hazelcast's own
     * default configuration declares them (it does not add them to a configuration it is handed),
     * and the member attribute that names this node on the event bus, which it reads from a
     * member it is handed rather than setting it.
     */
    private static void addEventBusStructures(Config config) {
        config.getMemberAttributeConfig().setAttribute(VERTX_NODE_ID, UUID.randomUUID().toString());
        config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
                .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
        config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
        config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
    }

    /**
     * Hazelcast completes its asynchronous calls (getAsync, setAsync, submitToKeys…) on the JDK's
     * common pool, but when that pool has a single thread — any machine with 2 cores or fewer — it
     * starts a new thread for every completion instead, as CompletableFuture does: thousands of
     * threads a second under load, which made ingestion a thousand times slower on a 2-core
     * machine. Such machines get a small pool of their own instead, once per process.
     */
    static final class AsyncExecutor {

        private static final int THREADS = 2;
        private static boolean installed;

        private AsyncExecutor() {
        }

        static synchronized void install() {
            if (installed || ForkJoinPool.getCommonPoolParallelism() >= THREADS) {
                return;
            }
            ConcurrencyUtil.setDefaultAsyncExecutor(new ForkJoinPool(THREADS, pool -> {
                ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setName("arbiter-hz-async-" + t.getPoolIndex());
                t.setDaemon(true);
                return t;
            }, null, true));
            installed = true;
        }
    }

    /** The state this member holds and serves. */
    public GridStore store() {
        return store;
    }

    /** The decisions and actions this cluster took. */
    public GridDecisionLog decisionLog() {
        return decisionLog;
    }

    /** Every client with its scoring inputs. */
    public GridClients clients() {
        return clients;
    }

    /** Client scores and the policy in force. */
    public GridScores scores() {
        return scores;
    }

    /** Members, partition owners and the majority that decisions need. */
    public GridOwnership ownership() {
        return ownership;
    }

    /** True when this member's configuration joins other members over the network (TCP-IP, multicast or discovery). */
    public boolean joinsNetwork() {
        return joinOf(hazelcast.getConfig()).isPresent();
    }

    HazelcastInstance hazelcast() {
        return hazelcast;
    }

    /** Which instance serves each service's traffic. */
    public GridRoutes routes() {
        return routes;
    }

    /** Which member carries out each action. */
    public ActionClaims claims() {
        return claims;
    }

    /** The instances registered on the platforms this member owns, as they are registered. */
    public OwnedInstances ownedInstances() {
        return ownedInstances;
    }

    /** True while the member runs and is part of a cluster (itself included). */
    public boolean isReady() {
        return hazelcast.getLifecycleService().isRunning() && !hazelcast.getCluster().getMembers().isEmpty();
    }

    /** Members in the cluster as this member sees it. */
    public int clusterSize() {
        return hazelcast.getLifecycleService().isRunning() ? hazelcast.getCluster().getMembers().size() : 0;
    }

    /** Leaves the cluster gracefully: partitions are handed over before the member stops. */
    @Override
    public void close() {
        store.close();
        gridThreads.shutdownNow();
        decisionThreads.shutdownNow();
        scanThreads.shutdownNow();
        hazelcast.shutdown();
    }
}

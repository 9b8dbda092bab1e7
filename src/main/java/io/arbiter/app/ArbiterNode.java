package io.arbiter.app;

import io.arbiter.actuation.SimulatorDriver;
import io.arbiter.actuation.SlotReconciliation;
import io.arbiter.arbitration.DecisionIds;
import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Event;
import io.arbiter.grid.GridMember;
import io.arbiter.http.HttpServerVerticle;
import io.arbiter.http.HttpServices;
import io.arbiter.http.ReadinessCheck;
import io.arbiter.http.proxy.ProxyTrafficRouter;
import io.arbiter.http.proxy.RouterVerticle;
import io.arbiter.ingest.IngestMetrics;
import io.arbiter.ingest.Ingestor;
import io.arbiter.ledger.DurableStore;
import io.arbiter.ledger.JdbcStore;
import io.arbiter.ledger.StoreOptions;
import io.arbiter.policy.PolicyEngine;
import io.arbiter.policy.PolicyValidationException;
import io.arbiter.policy.RuleCompilationException;
import io.arbiter.policy.RuleWatcher;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One running Arbiter node: its durable store, its grid member, its services and its HTTP server.
 * {@link #start} brings them up in dependency order, putting back into the grid what the store
 * kept; {@link #close} stops accepting requests, lets acknowledged work finish, closes the store,
 * then leaves the grid.
 */
public final class ArbiterNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArbiterNode.class);
    private static final Duration DRAIN = Duration.ofSeconds(10);
    /** Re-scoring after input changes happens at most this often. */
    private static final Duration SCORING_MIN_INTERVAL = Duration.ofSeconds(1);
    /** Scores are recomputed at least this often, as time alone moves them. */
    private static final Duration SCORING_MAX_AGE = Duration.ofSeconds(30);
    /** How long a simulated instance takes to shut down gracefully, unless told otherwise. */
    private static final Duration SIMULATED_STOP = Duration.ofSeconds(2);

    /** How long an acknowledgement of a contention event waits for its decision to be stored. */
    private static final Duration DECISION_STORED = Duration.ofSeconds(10);

    private final GridMember member;
    private final Vertx vertx;
    private final HttpServerVerticle http;
    private final RouterVerticle proxy;
    private final DurableStore store;
    private final List<ActionRecord> unfinishedMigrations;
    private final AutoCloseable[] services;
    private volatile boolean closed;

    private ArbiterNode(GridMember member, Vertx vertx, HttpServerVerticle http, RouterVerticle proxy,
                        DurableStore store, List<ActionRecord> unfinishedMigrations, AutoCloseable... services) {
        this.member = member;
        this.vertx = vertx;
        this.http = http;
        this.proxy = proxy;
        this.store = store;
        this.unfinishedMigrations = List.copyOf(unfinishedMigrations);
        this.services = services;
    }

    /**
     * Starts a node with {@code config}, answering once its HTTP server listens. A configuration
     * that joins other members on the embedded store is refused ({@link SharedStore}), also when it
     * was built in code rather than loaded.
     */
    public static ArbiterNode start(ServerConfig config, Clock clock) {
        SharedStore.require(config, "the node's configuration");
        createDataDir(config);
        PolicyEngine engine = startPolicy(config, clock);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DurableStore store = new MeteredStore(openStore(config), registry);
        GridMember member;
        try {
            member = GridMember.start(config.grid());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        Vertx vertx = null;
        ScoreRefresher refresher = null;
        RuleWatcher watcher = null;
        ExecutorScheduler timers = null;
        DecisionJournal journal = null;
        SimulatorDriver simulator = null;
        OwnedArbitration owned = null;
        SlotReconciliation reconciliation = null;
        try {
            new JvmMemoryMetrics().bindTo(registry);
            Gauge.builder("arbiter.cluster.members", member, GridMember::clusterSize)
                    .description("Members in the grid cluster as this node sees it").register(registry);
            IngestMetrics ingestMetrics = new IngestMetrics(registry);
            Ingestor ingestor = new Ingestor(member.store(), ingestMetrics, clock);

            SlaDowngrades downgrades = new SlaDowngrades(store);
            refresher = new ScoreRefresher(member.clients(), member.store(), member.scores(), engine, downgrades, clock,
                    registry);
            ClusterPolicy policy = new ClusterPolicy(engine, member.scores(), refresher);
            policy.join();
            ScoreRefresher scoring = refresher;
            member.store().useHalfLife(engine.current().policy().policy().usage().halfLife());
            engine.addListener(snapshot -> {
                member.store().useHalfLife(snapshot.policy().policy().usage().halfLife());
                scoring.refresh();
            });
            ingestor.onApplied(events -> scoring.inputsChanged());
            ExecutorScheduler scheduler = new ExecutorScheduler(clock);
            timers = scheduler;
            simulator = new SimulatorDriver(scheduler, SimulatorDriver.Behaviour.stopsAfter(SIMULATED_STOP));
            vertx = ClusterWiring.vertx(member);
            RouterVerticle proxy = new RouterVerticle(config.router(), registry);
            vertx.deployVerticle(proxy).await(30, TimeUnit.SECONDS);
            ProxyTrafficRouter router = ProxyTrafficRouter.attach(member.routes(), proxy, vertx, member.ownership());
            member.ownedInstances().onRegistered(new ServiceBackends(simulator, router)::registered);
            journal = new DecisionJournal(store, member.decisionLog(), Math.min(4, config.store().poolSize()));
            DecisionJournal decisions = journal;
            Actuator actuator = new Actuator(simulator, scheduler, member.store(), journal, member.claims(), ingestor,
                    () -> engine.current().policy().policy().interruption().gracePeriod(), registry);
            StoreReservations reservations = new StoreReservations(store, journal.storeThreads());
            LedgerCharges ledger = new LedgerCharges(store, member.store(), member.decisionLog(), journal, engine,
                    downgrades, journal.storeThreads(), clock);
            Migrator migrator = new Migrator(simulator, router, reservations, scheduler, member.store(), journal, ledger,
                    ingestor, engine, registry);
            ArbitrationService arbitration = new ArbitrationService(member.store(), member.scores(),
                    member.decisionLog(), journal, engine, actuator, migrator, reservations, member.claims(),
                    refresher::board, clock, registry);
            owned = ClusterWiring.decide(member, arbitration, actuator, migrator, registry,
                    decisions::failed);
            OwnerRouting routing = ClusterWiring.route(member, arbitration, journal, registry);
            ingestor.holdAcknowledgements(applied -> decisionsStored(applied, decisions));
            ingestor.onApplied(arbitration::checkHighWater);

            // Actions left unfinished on the platforms this member arbitrates (another member's are its own).
            List<ActionRecord> unfinished = journal.restore().stream()
                    .filter(a -> a.platformId() == null || member.store().ownsPlatform(a.platformId())).toList();
            // Interruptions start over; migrations roll back before their switch and finish after it; charges settle.
            List<ActionRecord> migrations = unfinished.stream().filter(a -> a.type() == ActionType.MIGRATE).toList();
            owned.takeUp(unfinished);
            reconciliation = migrator.reconciliation(store, journal.storeThreads(), member.store()::ownsPlatform);
            reconciliation.start();

            ContentionForecaster forecaster = new ContentionForecaster(member.store(), member.decisionLog(), engine,
                    clock, registry);
            refresher.onPass(pass -> forecaster.evaluateAll());
            refresher.start(SCORING_MIN_INTERVAL, SCORING_MAX_AGE);
            watcher = RuleWatcher.start(engine);

            List<ReadinessCheck> checks = List.of(new ReadinessCheck("grid", member::isReady),
                    new ReadinessCheck("rules", () -> engine.current().rules() != null),
                    new ReadinessCheck("store", journal::storeReachable));
            HttpServerVerticle http = new HttpServerVerticle(config.http(), new HttpServices(member.store(),
                    member.scores(), member.decisionLog(), ingestor, ingestMetrics, engine, policy, forecaster,
                    routing, simulator, clock, registry, checks, store));
            ClusterWiring.serve(member, vertx, http, routing);
            vertx.deployVerticle(http).await(30, TimeUnit.SECONDS);
            LOG.info("Arbiter listening on http://{}:{} (data under {}); router on http://{}:{}/{service}/…",
                    config.http().host(), http.port(), config.dataDir(), config.router().host(), proxy.port());
            return new ArbiterNode(member, vertx, http, proxy, store, migrations, watcher, refresher, owned,
                    reconciliation, timers, simulator, journal, store);
        } catch (Exception e) {
            closeQuietly(watcher, refresher, owned, reconciliation, timers, simulator, journal, store);
            if (vertx != null) {
                vertx.close();
            }
            member.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The configured PostgreSQL, or the embedded one under {@code dataDir/postgres}. */
    private static DurableStore openStore(ServerConfig config) {
        StoreOptions options = config.store();
        if (!options.embedded()) {
            LOG.info("durable store: {}", options);
            return JdbcStore.open(options, null);
        }
        Path dir = config.dataDir().resolve("postgres");
        LOG.info("durable store: embedded PostgreSQL in {}", dir);
        return JdbcStore.embedded(dir, options.poolSize());
    }

    /**
     * Completes when the decisions of the contentions among {@code applied} are stored, whichever
     * member decides them: this one for the platforms it owns, the owner for the others.
     */
    private static CompletionStage<Void> decisionsStored(List<Event> applied, DecisionJournal journal) {
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (Event e : applied) {
            if (e instanceof Event.ContentionReported c) {
                waits.add(journal.stored(DecisionIds.decision(c.contention().platformId(), c.id(), 0), DECISION_STORED)
                        .toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new));
    }

    private static PolicyEngine startPolicy(ServerConfig config, Clock clock) {
        try {
            return PolicyEngine.start(config.rulesDir(), config.policyFile(), clock);
        } catch (RuleCompilationException e) {
            throw new ConfigException("the rules in " + config.rulesDir() + " do not compile:\n"
                    + String.join("\n", e.problems()));
        } catch (PolicyValidationException e) {
            throw new ConfigException(config.policyFile() + " is not a valid policy: " + e.getMessage());
        }
    }

    private static void closeQuietly(AutoCloseable... closeables) {
        for (AutoCloseable c : closeables) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("closing {}: {}", c, e.toString());
                }
            }
        }
    }

    private static void createDataDir(ServerConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + config.dataDir(), e);
        }
    }

    /** The durable store (metered): decisions, action states, the ledger, shadow-slot reservations. */
    public DurableStore store() {
        return store;
    }

    /**
     * The {@code migrate} actions the store held unfinished when this node started, oldest decision
     * first: for the migration saga to resume or roll back.
     */
    public List<ActionRecord> unfinishedMigrations() {
        return unfinishedMigrations;
    }

    /** The port the HTTP server listens on. */
    public int port() {
        return http.port();
    }

    /** The port the built-in router listens on. */
    public int routerPort() {
        return proxy.port();
    }

    /** Stops accepting, lets requests under way finish (at most 10 s), closes Vert.x, leaves the grid. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Arbiter stopping: no new requests; finishing those under way");
        try {
            http.shutdown(DRAIN).await(DRAIN.toSeconds() + 5, TimeUnit.SECONDS);
            proxy.shutdown(DRAIN).await(DRAIN.toSeconds() + 5, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly: {}", e.toString());
        } finally {
            closeQuietly(services);
            member.close();
            LOG.info("Arbiter stopped");
        }
    }
}

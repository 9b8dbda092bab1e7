package io.arbiter.app;

import io.arbiter.actuation.SimulatorDriver;
import io.arbiter.grid.GridMember;
import io.arbiter.http.HttpServerVerticle;
import io.arbiter.http.HttpServices;
import io.arbiter.http.ReadinessCheck;
import io.arbiter.http.proxy.ProxyTrafficRouter;
import io.arbiter.http.proxy.RouterVerticle;
import io.arbiter.ingest.IngestMetrics;
import io.arbiter.ingest.Ingestor;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running Arbiter node: its grid member, its services and its HTTP server. {@link #start}
 * brings them up in dependency order; {@link #close} stops accepting requests, lets acknowledged
 * work finish, then leaves the grid.
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

    private final GridMember member;
    private final Vertx vertx;
    private final HttpServerVerticle http;
    private final RouterVerticle proxy;
    private final AutoCloseable[] services;
    private volatile boolean closed;

    private ArbiterNode(GridMember member, Vertx vertx, HttpServerVerticle http, RouterVerticle proxy,
                        AutoCloseable... services) {
        this.member = member;
        this.vertx = vertx;
        this.http = http;
        this.proxy = proxy;
        this.services = services;
    }

    /** Starts a node with {@code config}, answering once its HTTP server listens. */
    public static ArbiterNode start(ServerConfig config, Clock clock) {
        createDataDir(config);
        PolicyEngine engine = startPolicy(config, clock);
        GridMember member = GridMember.start(config.grid());
        Vertx vertx = null;
        ScoreRefresher refresher = null;
        RuleWatcher watcher = null;
        ExecutorScheduler timers = null;
        SimulatorDriver simulator = null;
        try {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(registry);
            Gauge.builder("arbiter.cluster.members", member, GridMember::clusterSize)
                    .description("Members in the grid cluster as this node sees it").register(registry);
            IngestMetrics ingestMetrics = new IngestMetrics(registry);
            Ingestor ingestor = new Ingestor(member.store(), ingestMetrics, clock);

            refresher = new ScoreRefresher(member.clients(), member.store(), member.scores(), engine, clock, registry);
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
            vertx = Vertx.vertx();
            RouterVerticle proxy = new RouterVerticle(config.router());
            vertx.deployVerticle(proxy).await(30, TimeUnit.SECONDS);
            ProxyTrafficRouter router = ProxyTrafficRouter.attach(member.routes(), proxy);
            ingestor.onApplied(new ServiceBackends(simulator, router)::applied);
            Actuator actuator = new Actuator(simulator, scheduler, member.store(), member.decisionLog(), ingestor,
                    () -> engine.current().policy().policy().interruption().gracePeriod(), registry);
            ArbitrationService arbitration = new ArbitrationService(member.store(), member.scores(),
                    member.decisionLog(), engine, actuator, clock, registry);
            member.store().onOwnedContention((eventId, contention) ->
                    arbitration.arbitrate(eventId, contention, false, false).whenComplete((r, f) -> {
                        if (f != null) {
                            LOG.warn("contention {} on {} was not decided: {}", eventId, contention.platformId(),
                                    f.toString());
                        }
                    }));
            ingestor.onApplied(arbitration::checkHighWater);

            ContentionForecaster forecaster = new ContentionForecaster(member.store(), member.decisionLog(), engine,
                    clock, registry);
            refresher.onPass(pass -> forecaster.evaluateAll());
            refresher.start(SCORING_MIN_INTERVAL, SCORING_MAX_AGE);
            watcher = RuleWatcher.start(engine);

            List<ReadinessCheck> checks = List.of(new ReadinessCheck("grid", member::isReady),
                    new ReadinessCheck("rules", () -> engine.current().rules() != null));
            HttpServerVerticle http = new HttpServerVerticle(config.http(), new HttpServices(member.store(),
                    member.scores(), member.decisionLog(), ingestor, ingestMetrics, engine, policy, forecaster,
                    arbitration, simulator, clock, registry, checks));
            vertx.deployVerticle(http).await(30, TimeUnit.SECONDS);
            LOG.info("Arbiter listening on http://{}:{} (data under {}); router on http://{}:{}/{service}/…",
                    config.http().host(), http.port(), config.dataDir(), config.router().host(), proxy.port());
            return new ArbiterNode(member, vertx, http, proxy, watcher, refresher, timers, simulator);
        } catch (Exception e) {
            closeQuietly(watcher, refresher, timers, simulator);
            if (vertx != null) {
                vertx.close();
            }
            member.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
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

package io.arbiter.app;

import io.arbiter.grid.GridMember;
import io.arbiter.http.HttpServerVerticle;
import io.arbiter.http.ReadinessCheck;
import io.arbiter.ingest.IngestMetrics;
import io.arbiter.ingest.Ingestor;
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

    private final GridMember member;
    private final Vertx vertx;
    private final HttpServerVerticle http;
    private volatile boolean closed;

    private ArbiterNode(GridMember member, Vertx vertx, HttpServerVerticle http) {
        this.member = member;
        this.vertx = vertx;
        this.http = http;
    }

    /** Starts a node with {@code config}, answering once its HTTP server listens. */
    public static ArbiterNode start(ServerConfig config, Clock clock) {
        createDataDir(config);
        GridMember member = GridMember.start(config.grid());
        Vertx vertx = null;
        try {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(registry);
            Gauge.builder("arbiter.cluster.members", member, GridMember::clusterSize)
                    .description("Members in the grid cluster as this node sees it").register(registry);
            IngestMetrics ingestMetrics = new IngestMetrics(registry);
            Ingestor ingestor = new Ingestor(member.store(), ingestMetrics, clock);
            List<ReadinessCheck> checks = List.of(new ReadinessCheck("grid", member::isReady));
            HttpServerVerticle http = new HttpServerVerticle(config.http(), member.store(), ingestor, ingestMetrics,
                    registry, checks);
            vertx = Vertx.vertx();
            vertx.deployVerticle(http).await(30, TimeUnit.SECONDS);
            LOG.info("Arbiter listening on http://{}:{} (data under {})", config.http().host(), http.port(),
                    config.dataDir());
            return new ArbiterNode(member, vertx, http);
        } catch (Exception e) {
            if (vertx != null) {
                vertx.close();
            }
            member.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
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
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly: {}", e.toString());
        } finally {
            member.close();
            LOG.info("Arbiter stopped");
        }
    }
}

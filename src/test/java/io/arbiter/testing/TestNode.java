package io.arbiter.testing;

import io.arbiter.app.ArbiterNode;
import io.arbiter.app.ServerConfig;
import io.arbiter.domain.ActionRecord;
import io.arbiter.grid.GridOptions;
import io.arbiter.http.HttpOptions;
import io.arbiter.ledger.DurableStore;
import io.arbiter.ledger.StoreOptions;
import io.arbiter.http.proxy.RouterOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A real Arbiter node on a free loopback port, with its own single-member grid and data folder,
 * and a fresh database of its own on the test JVM's shared embedded PostgreSQL ({@link TestDatabase}).
 */
public final class TestNode implements AutoCloseable {

    private final ArbiterNode node;
    private final Path dataDir;
    private final StoreOptions storeOptions;

    private TestNode(ArbiterNode node, Path dataDir, StoreOptions storeOptions) {
        this.node = node;
        this.dataDir = dataDir;
        this.storeOptions = storeOptions;
    }

    /** A node with the default limits. */
    public static TestNode start() {
        return builder().start();
    }

    /** A node with the given body and frame limits. */
    public static TestNode start(long maxBodyBytes, int maxFrameBytes) {
        return builder().limits(maxBodyBytes, maxFrameBytes).start();
    }

    /** A node with the default limits and the rules of {@code rulesDir}. */
    public static TestNode withRules(Path rulesDir) {
        return builder().rules(rulesDir).start();
    }

    /** A node to configure before starting it. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of a test node: limits, rule folder, clock and store. */
    public static final class Builder {
        private long maxBodyBytes = ServerConfig.DEFAULT_MAX_BODY;
        private int maxFrameBytes = ServerConfig.DEFAULT_MAX_FRAME;
        private Path rulesDir = ProjectDir.path().resolve("rules");
        private Clock clock = Clock.systemUTC();
        private StoreOptions store;

        public Builder limits(long body, int frame) {
            this.maxBodyBytes = body;
            this.maxFrameBytes = frame;
            return this;
        }

        public Builder rules(Path dir) {
            this.rulesDir = dir;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** Uses the database {@code options} reach (another node's, to start again on what it kept). */
        public Builder store(StoreOptions options) {
            this.store = options;
            return this;
        }

        public TestNode start() {
            try {
                Path data = Files.createTempDirectory("arbiter-test-");
                StoreOptions database = store != null ? store : TestDatabase.fresh();
                ServerConfig config = new ServerConfig(new HttpOptions("127.0.0.1", 0, maxBodyBytes, maxFrameBytes),
                        new GridOptions(null, null, Duration.ofHours(1)), data, rulesDir,
                        ProjectDir.path().resolve("policies/default.yaml"), database,
                        RouterOptions.defaults("127.0.0.1", 0));
                return new TestNode(ArbiterNode.start(config, clock), data, database);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The node's HTTP port on 127.0.0.1. */
    public int port() {
        return node.port();
    }

    /** The port of the node's built-in router on 127.0.0.1. */
    public int routerPort() {
        return node.routerPort();
    }

    /** A client for this node. */
    public Http http() {
        return new Http(port());
    }

    /** The node's durable store. */
    public DurableStore store() {
        return node.store();
    }

    /** The options that reach this node's database, to start another node on it. */
    public StoreOptions storeOptions() {
        return storeOptions;
    }

    /** The {@code migrate} actions the store held unfinished when the node started. */
    public List<ActionRecord> unfinishedMigrations() {
        return node.unfinishedMigrations();
    }

    /** The node's data folder. */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        node.close();
    }
}

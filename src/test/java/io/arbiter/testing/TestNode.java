package io.arbiter.testing;

import io.arbiter.app.ArbiterNode;
import io.arbiter.app.ServerConfig;
import io.arbiter.grid.GridOptions;
import io.arbiter.http.HttpOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A real Arbiter node on a free loopback port, with its own single-member grid and data folder. */
public final class TestNode implements AutoCloseable {

    private final ArbiterNode node;
    private final Path dataDir;

    private TestNode(ArbiterNode node, Path dataDir) {
        this.node = node;
        this.dataDir = dataDir;
    }

    /** A node with the default limits. */
    public static TestNode start() {
        return start(ServerConfig.DEFAULT_MAX_BODY, ServerConfig.DEFAULT_MAX_FRAME);
    }

    /** A node with the given body and frame limits. */
    public static TestNode start(long maxBodyBytes, int maxFrameBytes) {
        return start(maxBodyBytes, maxFrameBytes, ProjectDir.path().resolve("rules"));
    }

    /** A node with the default limits and the rules of {@code rulesDir}. */
    public static TestNode withRules(Path rulesDir) {
        return start(ServerConfig.DEFAULT_MAX_BODY, ServerConfig.DEFAULT_MAX_FRAME, rulesDir);
    }

    private static TestNode start(long maxBodyBytes, int maxFrameBytes, Path rulesDir) {
        try {
            Path data = Files.createTempDirectory("arbiter-test-");
            ServerConfig config = new ServerConfig(new HttpOptions("127.0.0.1", 0, maxBodyBytes, maxFrameBytes),
                    new GridOptions(null, null, Duration.ofHours(1)), data, rulesDir,
                    ProjectDir.path().resolve("policies/default.yaml"));
            return new TestNode(ArbiterNode.start(config, Clock.systemUTC()), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node's HTTP port on 127.0.0.1. */
    public int port() {
        return node.port();
    }

    /** A client for this node. */
    public Http http() {
        return new Http(port());
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

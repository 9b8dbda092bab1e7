package io.arbiter.testing;

import io.arbiter.ledger.Databases;
import io.arbiter.ledger.EmbeddedDatabase;
import io.arbiter.ledger.StoreOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded PostgreSQL per test JVM, started on first use and stopped when the JVM exits;
 * each caller gets a fresh, empty database of its own on it (a few milliseconds instead of a
 * server start per node).
 */
public final class TestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedDatabase server;

    private TestDatabase() {
    }

    /** Options reaching a new empty database. */
    public static StoreOptions fresh() {
        String name = "arbiter_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        Databases.createIfMissing(server(), name);
        return server().options(name, 2);
    }

    /** The shared server. */
    public static synchronized EmbeddedDatabase server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("arbiter-pg-");
                EmbeddedDatabase started = EmbeddedDatabase.start(dir, true);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    try {
                        Files.deleteIfExists(dir);
                        Files.deleteIfExists(EmbeddedDatabase.serverLog(dir));
                    } catch (IOException e) {
                        // a temporary folder left behind
                    }
                }, "test-postgres-stop"));
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }
}

package io.arbiter.app;

import io.arbiter.ledger.Databases;
import io.arbiter.ledger.EmbeddedDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code arbiter store}: runs the embedded PostgreSQL alone, on 127.0.0.1, for the members of a
 * cluster on this machine to share (each member of a cluster must write to the same database, see
 * {@link SharedStore}). It keeps its data in {@code DIR/postgres} across restarts, creates the
 * database {@code arbiter} on first start, prints its JDBC URL as the first line of standard output,
 * and runs until SIGTERM or Ctrl-C, when it stops the server (everything committed is on disk) and
 * exits 0.
 *
 * <pre>
 * bin/arbiter store --data store        # prints jdbc:postgresql://localhost:PORT/arbiter?user=postgres
 * bin/arbiter serve --cluster cluster-config/cluster.yaml --zone zone-a --store-url 'jdbc:postgresql://…'
 * </pre>
 * The server listens on loopback only and trusts local connections (no password): it is for one
 * machine. Production points every member at its own PostgreSQL server ({@code store.jdbcUrl}).
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Runs the embedded PostgreSQL alone on 127.0.0.1 for the members of a cluster on this "
                + "machine to share; prints its JDBC URL (give it to each member with serve --store-url).")
final class StoreCommand implements Callable<Integer> {

    /** The database the members share. */
    static final String DATABASE = "arbiter";

    @Option(names = "--data", paramLabel = "DIR", description = "state folder (default ./store); the "
            + "database lives in DIR/postgres, its log in DIR/postgres.log")
    Path data;

    @Override
    public Integer call() throws InterruptedException {
        Path dir = (data == null ? Path.of("store") : data).toAbsolutePath().resolve("postgres");
        PrintStream err = System.err;
        try (EmbeddedDatabase server = EmbeddedDatabase.start(dir)) {
            boolean created = Databases.createIfMissing(server, DATABASE);
            String url = server.jdbcUrl(DATABASE);
            System.out.println(url);
            System.out.flush();
            err.printf("arbiter store: PostgreSQL on 127.0.0.1, database %s %s, data in %s (log %s).%n"
                            + "Start each member with: --store-url '%s'. SIGTERM or Ctrl-C stops it.%n", DATABASE,
                    created ? "created" : "as it was", dir, EmbeddedDatabase.serverLog(dir), url);
            StopSignal.await();
            err.println("arbiter store: stopping PostgreSQL");
        }
        err.println("arbiter store: stopped");
        return 0;
    }
}

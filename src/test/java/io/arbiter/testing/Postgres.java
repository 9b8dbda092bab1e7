package io.arbiter.testing;

import io.arbiter.ledger.StoreOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A test's own way into a PostgreSQL server: reading its settings, or reaching a node's embedded one from outside. */
public final class Postgres {

    private Postgres() {
    }

    /** What the server {@code options} reach answers to {@code SHOW setting}. */
    public static String show(StoreOptions options, String setting) {
        try (Connection c = DriverManager.getConnection(options.jdbcUrl(), options.user(), options.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("SHOW " + setting + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A connection, as user {@code postgres}, to the embedded PostgreSQL running on {@code dataDir}
     * (its port read from the server's {@code postmaster.pid}): to look at, or hold locks in, a node's
     * own store from outside its process.
     */
    public static Connection connect(Path dataDir) throws IOException, SQLException {
        String port = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).trim();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
    }
}

package io.arbiter.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Databases on an {@link EmbeddedDatabase} server, made by name over its {@code postgres}
 * database: a fresh one per test, or the one {@code bin/arbiter store} shares between members.
 */
public final class Databases {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Databases() {
    }

    /**
     * Creates database {@code name} on {@code server} unless it exists; answers whether it was
     * created. Names are lower-case SQL identifiers.
     */
    public static boolean createIfMissing(EmbeddedDatabase server, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name '" + name + "': lower-case letters, digits and _ only");
        }
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"));
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return false;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
            return true;
        } catch (SQLException e) {
            throw new StoreException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }
}

package io.arbiter.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Decision;
import io.arbiter.domain.LedgerEntry;
import io.arbiter.domain.ReservationOutcome;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The durable store in PostgreSQL, over JDBC through a HikariCP pool; the schema comes from the
 * Flyway migrations under {@code db/migration}. Each call is one transaction, committed before it
 * returns; a failure rolls it back and throws a {@link StoreException} naming what failed.
 *
 * <pre>
 * try (JdbcStore store = JdbcStore.open(new StoreOptions("jdbc:postgresql://db:5432/arbiter", "arbiter",
 *         System.getenv("ARBITER_STORE_PASSWORD"), 8), null)) {
 *     store.saveDecision(decision);
 * }
 * </pre>
 */
public final class JdbcStore implements DurableStore {

    /** The advisory lock every reservation takes ("ARBITER" and 1): one at a time, cluster-wide. */
    static final long RESERVATIONS_LOCK = 0x4152424954455201L;
    /** The advisory lock every decision that interrupts takes while its budgets are counted ("ARBITER" and 2). */
    static final long BUDGETS_LOCK = 0x4152424954455202L;
    /** Interrupt actions kept per client among {@code ANY(?)}, in decisions taken at or after a time. */
    private static final String RECENT_INTERRUPTIONS = "SELECT a.client_id, count(*) FROM actions a"
            + " JOIN decisions d ON d.decision_id = a.decision_id"
            + " WHERE a.type = 'interrupt' AND a.status <> 'aborted' AND a.client_id = ANY(?) AND d.decided_ns >= ?"
            + " GROUP BY a.client_id";

    private final HikariDataSource pool;
    private final EmbeddedDatabase embedded;
    private final Transactions tx;

    private JdbcStore(HikariDataSource pool, EmbeddedDatabase embedded) {
        this.pool = pool;
        this.embedded = embedded;
        this.tx = new Transactions(pool);
    }

    /**
     * Opens the store {@code options} name and brings its schema up to date. {@code embedded} is
     * the server the options point at when it is this process's own (stopped on {@link #close}), or null.
     */
    public static JdbcStore open(StoreOptions options, EmbeddedDatabase embedded) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(options.jdbcUrl());
        config.setUsername(options.user());
        config.setPassword(options.password());
        config.setMaximumPoolSize(options.poolSize());
        config.setMinimumIdle(Math.min(2, options.poolSize()));
        config.setAutoCommit(false);
        config.setPoolName("arbiter-store");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to the store at " + options.jdbcUrl() + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("the store's schema at " + options.jdbcUrl() + " could not be migrated: "
                    + rootMessage(e), e);
        }
        return new JdbcStore(pool, embedded);
    }

    /** Starts an embedded PostgreSQL on {@code dataDir} and opens the store in it; both close together. */
    public static JdbcStore embedded(java.nio.file.Path dataDir, int poolSize) {
        EmbeddedDatabase server = EmbeddedDatabase.start(dataDir);
        try {
            return open(server.options("postgres", poolSize), server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Override
    public void saveDecision(Decision decision) {
        tx.run("saving decision " + decision.decisionId(), c -> {
            insert(c, decision);
            return null;
        });
    }

    @Override
    public Map<String, Integer> saveDecisionWithinBudget(Decision decision, int maxInterruptions, Instant since) {
        Map<String, Integer> own = new TreeMap<>();
        for (ActionRecord a : decision.actions()) {
            if (a.type() == ActionType.INTERRUPT) {
                own.merge(a.clientId(), 1, Integer::sum);
            }
        }
        if (own.isEmpty()) {
            saveDecision(decision);
            return Map.of();
        }
        return tx.run("saving decision " + decision.decisionId() + " within the disruption budgets", c -> {
            // Every decision that interrupts takes this lock first, so the counts below cannot change
            // before the insert commits (the lock is released with the transaction), on any member.
            lockUntilCommit(c, BUDGETS_LOCK);
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM decisions WHERE decision_id = ?")) {
                ps.setString(1, decision.decisionId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Map.<String, Integer>of();
                    }
                }
            }
            Map<String, Integer> kept = recentInterruptions(c, own.keySet(), since);
            Map<String, Integer> over = new TreeMap<>();
            own.forEach((client, n) -> {
                int before = kept.getOrDefault(client, 0);
                if (before + n > maxInterruptions) {
                    over.put(client, before);
                }
            });
            if (over.isEmpty()) {
                insert(c, decision);
            }
            return over;
        });
    }

    private static Map<String, Integer> recentInterruptions(Connection c, Collection<String> clients, Instant since)
            throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(RECENT_INTERRUPTIONS)) {
            ps.setArray(1, c.createArrayOf("text", clients.toArray()));
            Nanos.set(ps, 2, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    /** Takes PostgreSQL's advisory lock {@code key} for the rest of the transaction on {@code c}, waiting for it. */
    private static void lockUntilCommit(Connection c, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, key);
            ps.execute();
        }
    }

    /** Inserts {@code decision} and its actions unless a decision is kept under its id already. */
    private static void insert(Connection c, Decision decision) throws SQLException {
        int inserted;
        try (PreparedStatement ps = c.prepareStatement(DecisionRows.INSERT_DECISION)) {
            DecisionRows.bindDecision(c, ps, decision);
            inserted = ps.executeUpdate();
        }
        if (inserted == 1 && !decision.actions().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(DecisionRows.UPSERT_ACTION)) {
                for (ActionRecord a : decision.actions()) {
                    DecisionRows.bindAction(c, ps, a);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    @Override
    public void saveAction(ActionRecord action) {
        tx.run("saving action " + action.actionId() + " in state " + action.status().wire(), c -> {
            try (PreparedStatement ps = c.prepareStatement(DecisionRows.UPSERT_ACTION)) {
                DecisionRows.bindAction(c, ps, action);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Decision> decision(String decisionId) {
        return tx.run("reading decision " + decisionId, c -> {
            Map<String, ActionRecord> actions;
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM actions WHERE decision_id = ?")) {
                ps.setString(1, decisionId);
                try (ResultSet rs = ps.executeQuery()) {
                    actions = DecisionRows.actions(rs);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM decisions WHERE decision_id = ?")) {
                ps.setString(1, decisionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(DecisionRows.decision(rs, actions)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<ActionRecord> action(String actionId) {
        return tx.run("reading action " + actionId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM actions WHERE action_id = ?")) {
                ps.setString(1, actionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(DecisionRows.action(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Decision> decisions() {
        return tx.run("reading every decision", c -> {
            Map<String, ActionRecord> actions;
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM actions");
                 ResultSet rs = ps.executeQuery()) {
                actions = DecisionRows.actions(rs);
            }
            List<Decision> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM decisions ORDER BY decided_ns, seq");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(DecisionRows.decision(rs, actions));
                }
            }
            return all;
        });
    }

    @Override
    public List<ActionRecord> unfinishedActions() {
        return tx.run("reading the unfinished actions", c -> {
            List<ActionRecord> open = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.* FROM actions a"
                    + " LEFT JOIN decisions d ON d.decision_id = a.decision_id WHERE NOT a.final"
                    + " ORDER BY d.decided_ns NULLS LAST, d.seq NULLS LAST,"
                    + " array_position(d.action_ids, a.action_id), a.action_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    open.add(DecisionRows.action(rs));
                }
            }
            return open;
        });
    }

    @Override
    public boolean append(LedgerEntry entry) {
        return tx.run("appending ledger entry " + entry.entryId(), c -> {
            try (PreparedStatement ps = c.prepareStatement(LedgerRows.INSERT)) {
                LedgerRows.bind(ps, entry);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<LedgerEntry> ledger(String clientId) {
        return tx.run("reading the ledger of client " + clientId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM ledger WHERE client_id = ? ORDER BY time_ns, seq")) {
                ps.setString(1, clientId);
                return LedgerRows.entries(ps);
            }
        });
    }

    @Override
    public List<LedgerEntry> downgradesInForce(Instant at) {
        return tx.run("reading the downgrades in force at " + at, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM ledger WHERE type = 'downgrade'"
                    + " AND until_ns > ? AND time_ns <= ? ORDER BY time_ns, seq")) {
                ps.setLong(1, Nanos.of(at));
                ps.setLong(2, Nanos.of(at));
                return LedgerRows.entries(ps);
            }
        });
    }

    @Override
    public ReservationOutcome reserve(String slotId, String actionId, int maxRunning) {
        return tx.run("reserving shadow slot " + slotId + " for action " + actionId, c -> {
            // Every reservation takes this lock first, so the count below cannot change before the
            // insert commits (the lock is released with the transaction), on any member.
            lockUntilCommit(c, RESERVATIONS_LOCK);
            try (PreparedStatement ps = c.prepareStatement("SELECT action_id FROM reservations WHERE slot_id = ?")) {
                ps.setString(1, slotId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return actionId.equals(rs.getString(1)) ? ReservationOutcome.RESERVED
                                : ReservationOutcome.HELD_BY_ANOTHER;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM reservations r"
                    + " LEFT JOIN actions a ON a.action_id = r.action_id WHERE a.final IS NOT TRUE");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) >= maxRunning) {
                    return ReservationOutcome.LIMIT_REACHED;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO reservations (slot_id, action_id) VALUES (?, ?)")) {
                ps.setString(1, slotId);
                ps.setString(2, actionId);
                ps.executeUpdate();
            }
            return ReservationOutcome.RESERVED;
        });
    }

    @Override
    public void release(String slotId, String actionId) {
        tx.run("releasing shadow slot " + slotId + " held by action " + actionId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM reservations WHERE slot_id = ? AND action_id = ?")) {
                ps.setString(1, slotId);
                ps.setString(2, actionId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Map<String, String> reservations() {
        return tx.run("reading the reservations", c -> {
            Map<String, String> held = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT slot_id, action_id FROM reservations ORDER BY reserved_at, slot_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.put(rs.getString(1), rs.getString(2));
                }
            }
            return held;
        });
    }

    @Override
    public boolean reachable() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Closes the pool, then stops the embedded server if this store started it. */
    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}

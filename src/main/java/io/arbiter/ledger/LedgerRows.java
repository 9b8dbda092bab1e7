package io.arbiter.ledger;

import io.arbiter.domain.LedgerEntry;
import io.arbiter.domain.LedgerEntryType;
import io.arbiter.domain.SlaTier;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Ledger entries to rows of the {@code ledger} table, and back. */
final class LedgerRows {

    /** Appends once: a second entry with the same id writes nothing. */
    static final String INSERT = "INSERT INTO ledger (entry_id, client_id, decision_id, type, amount, currency,"
            + " from_tier, to_tier, until_ns, time_ns) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (entry_id) DO NOTHING";

    private LedgerRows() {
    }

    static void bind(PreparedStatement ps, LedgerEntry e) throws SQLException {
        ps.setString(1, e.entryId());
        ps.setString(2, e.clientId());
        ps.setString(3, e.decisionId());
        ps.setString(4, e.type().wire());
        ps.setBigDecimal(5, e.amount());
        ps.setString(6, e.currency());
        ps.setString(7, e.fromTier() == null ? null : e.fromTier().wire());
        ps.setString(8, e.toTier() == null ? null : e.toTier().wire());
        Nanos.set(ps, 9, e.until());
        Nanos.set(ps, 10, e.time());
    }

    static List<LedgerEntry> entries(PreparedStatement query) throws SQLException {
        List<LedgerEntry> entries = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                entries.add(new LedgerEntry(rs.getString("entry_id"), rs.getString("client_id"),
                        rs.getString("decision_id"), DecisionRows.wire(LedgerEntryType.class, rs.getString("type")),
                        rs.getBigDecimal("amount"), rs.getString("currency"),
                        DecisionRows.wire(SlaTier.class, rs.getString("from_tier")),
                        DecisionRows.wire(SlaTier.class, rs.getString("to_tier")), Nanos.get(rs, "until_ns"),
                        Nanos.get(rs, "time_ns")));
            }
        }
        return entries;
    }
}

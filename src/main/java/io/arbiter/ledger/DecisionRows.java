package io.arbiter.ledger;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Contention;
import io.arbiter.domain.ContentionReason;
import io.arbiter.domain.Decision;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Severity;
import io.arbiter.domain.SlaTier;
import io.arbiter.domain.WireName;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decisions and actions to rows of the {@code decisions} and {@code actions} tables, and back. */
final class DecisionRows {

    static final String INSERT_DECISION = "INSERT INTO decisions (decision_id, platform_id, trigger_id, self_raised,"
            + " reason, severity, need_cpu, need_memory, beneficiary, rule_revision, policy_version, decided_ns,"
            + " wanted_cpu, wanted_memory, shortfall_cpu, shortfall_memory, excluded_reasons, excluded_counts,"
            + " rules_fired, explanation, action_ids) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT (decision_id) DO NOTHING";

    /** Keeps the row with the longer history: a state is never replaced by an older one. */
    static final String UPSERT_ACTION = "INSERT INTO actions (action_id, decision_id, type, platform_id, instance_id,"
            + " client_id, cvs, reason, status, final, steps, step_status, step_ns, step_note, target, sla_tier)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (action_id) DO UPDATE SET status = EXCLUDED.status,"
            + " final = EXCLUDED.final, steps = EXCLUDED.steps, step_status = EXCLUDED.step_status,"
            + " step_ns = EXCLUDED.step_ns, step_note = EXCLUDED.step_note"
            + " WHERE actions.steps < EXCLUDED.steps AND NOT actions.final";

    private DecisionRows() {
    }

    static void bindDecision(Connection c, PreparedStatement ps, Decision d) throws SQLException {
        Contention k = d.contention();
        ps.setString(1, d.decisionId());
        ps.setString(2, d.platformId());
        ps.setString(3, d.trigger());
        ps.setBoolean(4, d.selfRaised());
        ps.setString(5, k.reason().wire());
        ps.setString(6, k.severity().wire());
        ps.setDouble(7, k.need().cpu());
        ps.setDouble(8, k.need().memoryGiB());
        ps.setString(9, k.beneficiary());
        ps.setString(10, d.ruleRevision());
        ps.setString(11, d.policyVersion());
        Nanos.set(ps, 12, d.decidedAt());
        setResources(ps, 13, d.wanted());
        setResources(ps, 15, d.shortfall());
        List<String> reasons = new ArrayList<>(d.excluded().keySet());
        ps.setArray(17, c.createArrayOf("text", reasons.toArray()));
        ps.setArray(18, c.createArrayOf("integer", reasons.stream().map(d.excluded()::get).toArray()));
        ps.setArray(19, c.createArrayOf("text", d.rulesFired().toArray()));
        ps.setString(20, d.explanation());
        ps.setArray(21, c.createArrayOf("text", d.actions().stream().map(ActionRecord::actionId).toArray()));
    }

    static void bindAction(Connection c, PreparedStatement ps, ActionRecord a) throws SQLException {
        ps.setString(1, a.actionId());
        ps.setString(2, a.decisionId());
        ps.setString(3, a.type().wire());
        ps.setString(4, a.platformId());
        ps.setString(5, a.instanceId());
        ps.setString(6, a.clientId());
        ps.setDouble(7, a.cvs());
        ps.setString(8, a.reason());
        ps.setString(9, a.status().wire());
        ps.setBoolean(10, a.status().isFinal());
        ps.setInt(11, a.history().size());
        ps.setArray(12, c.createArrayOf("text", a.history().stream().map(s -> s.status().wire()).toArray()));
        ps.setArray(13, c.createArrayOf("bigint", a.history().stream().map(s -> Nanos.of(s.at())).toArray()));
        ps.setArray(14, c.createArrayOf("text", a.history().stream().map(ActionRecord.Step::note).toArray()));
        ps.setString(15, a.target());
        ps.setString(16, a.slaTier() == null ? null : a.slaTier().wire());
    }

    /** The decision of the current row, its actions taken from {@code current} where there. */
    static Decision decision(ResultSet rs, Map<String, ActionRecord> current) throws SQLException {
        String id = rs.getString("decision_id");
        List<ActionRecord> actions = new ArrayList<>();
        for (Object actionId : (Object[]) rs.getArray("action_ids").getArray()) {
            ActionRecord a = current.get((String) actionId);
            if (a == null) {
                throw new SQLException("decision " + id + " names action " + actionId + ", which is not kept");
            }
            actions.add(a);
        }
        Object[] reasons = (Object[]) rs.getArray("excluded_reasons").getArray();
        Object[] counts = (Object[]) rs.getArray("excluded_counts").getArray();
        Map<String, Integer> excluded = new LinkedHashMap<>();
        for (int i = 0; i < reasons.length; i++) {
            excluded.put((String) reasons[i], (Integer) counts[i]);
        }
        List<String> rules = new ArrayList<>();
        for (Object rule : (Object[]) rs.getArray("rules_fired").getArray()) {
            rules.add((String) rule);
        }
        Contention contention = new Contention(rs.getString("platform_id"),
                wire(ContentionReason.class, rs.getString("reason")), wire(Severity.class, rs.getString("severity")),
                new Resources(rs.getDouble("need_cpu"), rs.getDouble("need_memory")), rs.getString("beneficiary"));
        return new Decision(id, rs.getString("platform_id"), rs.getString("trigger_id"), rs.getBoolean("self_raised"),
                contention, rs.getString("rule_revision"), rs.getString("policy_version"), Nanos.get(rs, "decided_ns"),
                actions, resources(rs, "wanted"), resources(rs, "shortfall"), excluded, rules,
                rs.getString("explanation"));
    }

    /** The action of the current row. */
    static ActionRecord action(ResultSet rs) throws SQLException {
        Object[] statuses = (Object[]) rs.getArray("step_status").getArray();
        Object[] times = (Object[]) rs.getArray("step_ns").getArray();
        Object[] notes = (Object[]) rs.getArray("step_note").getArray();
        List<ActionRecord.Step> history = new ArrayList<>(statuses.length);
        for (int i = 0; i < statuses.length; i++) {
            history.add(new ActionRecord.Step(wire(ActionStatus.class, (String) statuses[i]),
                    Nanos.instant((Long) times[i]), (String) notes[i]));
        }
        return new ActionRecord(rs.getString("action_id"), rs.getString("decision_id"),
                wire(ActionType.class, rs.getString("type")), rs.getString("platform_id"), rs.getString("instance_id"),
                rs.getString("client_id"), rs.getDouble("cvs"), rs.getString("reason"),
                rs.getString("target"), wire(SlaTier.class, rs.getString("sla_tier")),
                wire(ActionStatus.class, rs.getString("status")), history);
    }

    /** Every action of the result set, by id. */
    static Map<String, ActionRecord> actions(ResultSet rs) throws SQLException {
        Map<String, ActionRecord> byId = new HashMap<>();
        while (rs.next()) {
            ActionRecord a = action(rs);
            byId.put(a.actionId(), a);
        }
        return byId;
    }

    static <E extends Enum<E> & WireName> E wire(Class<E> type, String name) throws SQLException {
        if (name == null) {
            return null;
        }
        return WireName.parse(type, name).orElseThrow(() -> new SQLException("unknown " + type.getSimpleName()
                + " '" + name + "' in the store; known: " + WireName.choices(type)));
    }

    private static void setResources(PreparedStatement ps, int index, Resources r) throws SQLException {
        if (r == null) {
            ps.setNull(index, Types.DOUBLE);
            ps.setNull(index + 1, Types.DOUBLE);
        } else {
            ps.setDouble(index, r.cpu());
            ps.setDouble(index + 1, r.memoryGiB());
        }
    }

    private static Resources resources(ResultSet rs, String prefix) throws SQLException {
        double cpu = rs.getDouble(prefix + "_cpu");
        return rs.wasNull() ? null : new Resources(cpu, rs.getDouble(prefix + "_memory"));
    }
}

package io.arbiter.arbitration;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Contention;
import io.arbiter.domain.Decision;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Severity;
import io.arbiter.domain.Victim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a contention into a decision: selects the victims ({@link VictimSelector}), gives each an
 * interrupt action with a deterministic id; when that falls short and migration is possible, plans
 * migrations ({@link MigrationPlanner}), each with a {@code migrate} action and the {@code penalize}
 * and {@code downgrade} actions the ledger carries out once it has switched traffic; and writes the
 * explanation. A pure function: the same input gives the same decision.
 */
public final class Arbitrator {

    private Arbitrator() {
    }

    /** Decides {@code input}, interrupting only: no migration is considered. */
    public static Decision decide(ArbitrationInput input) {
        return decide(input, null);
    }

    /** Decides {@code input}; with {@code migration} (may be null), migrations cover what interruption cannot. */
    public static Decision decide(ArbitrationInput input, MigrationOptions migration) {
        Contention c = input.contention();
        double beneficiaryCvs = c.beneficiary() == null ? Double.NaN : input.standing().cvs(c.beneficiary());
        Selection selection = VictimSelector.select(c, input.free(), input.roster(), input.standing(),
                input.criteria(), beneficiaryCvs, input.now());
        MigrationPlan plan = MigrationPlanner.plan(c, selection, beneficiaryCvs, migration);
        String decisionId = DecisionIds.decision(c.platformId(), input.triggerId(), 0);
        List<ActionRecord> actions = new ArrayList<>();
        for (Victim v : selection.victims()) {
            actions.add(action(decisionId, actions.size() + 1, ActionType.INTERRUPT, c.platformId(), v, v.reason(),
                    null, input.now()));
        }
        for (MigrationPlan.Move m : plan.moves()) {
            Victim v = m.victim();
            ActionRecord migrate = action(decisionId, actions.size() + 1, ActionType.MIGRATE, c.platformId(), v,
                    "to shadow slot " + m.slot().slotId() + " on " + m.slot().platformId() + ": " + v.reason(),
                    m.slot().slotId(), input.now());
            actions.add(migrate);
            actions.add(action(decisionId, actions.size() + 1, ActionType.PENALIZE, c.platformId(), v,
                    "charged as rules/penalties.drl says once " + migrate.actionId() + " has switched traffic",
                    migrate.actionId(), input.now()));
            actions.add(action(decisionId, actions.size() + 1, ActionType.DOWNGRADE, c.platformId(), v,
                    "SLA downgraded as rules/penalties.drl says once " + migrate.actionId() + " has switched traffic",
                    migrate.actionId(), input.now()));
        }
        Map<String, Integer> excluded = new LinkedHashMap<>(selection.excluded());
        if (plan.considered()) {
            excluded.remove(VictimSelector.UNINTERRUPTIBLE);
        }
        plan.excluded().forEach((reason, n) -> excluded.merge(reason, n, Integer::sum));
        List<String> rulesFired = new ArrayList<>(input.rulesFired());
        plan.rulesFired().stream().filter(r -> !rulesFired.contains(r)).forEach(rulesFired::add);
        return new Decision(decisionId, c.platformId(), input.triggerId(), input.selfRaised(), c, input.ruleRevision(),
                input.policyVersion(), input.now(), actions, selection.wanted(), plan.shortfall(), excluded,
                rulesFired, explain(input, selection, plan, beneficiaryCvs));
    }

    private static ActionRecord action(String decisionId, int position, ActionType type, String platformId, Victim v,
                                       String reason, String target, Instant now) {
        return new ActionRecord(DecisionIds.action(decisionId, position), decisionId, type, platformId,
                v.instance().instanceId(), v.instance().clientId(), v.cvs(), reason, target, null, ActionStatus.PENDING,
                List.of(new ActionRecord.Step(ActionStatus.PENDING, now, "decided")));
    }

    private static String explain(ArbitrationInput input, Selection s, MigrationPlan plan, double beneficiaryCvs) {
        Contention c = input.contention();
        StringBuilder text = new StringBuilder();
        text.append(input.selfRaised() ? "Self-raised " : "").append(c.severity().wire()).append(' ')
                .append(c.reason().wire()).append(" contention on ").append(c.platformId());
        if (c.beneficiary() != null) {
            text.append(" for ").append(c.beneficiary()).append(" (CVS ").append(fmt(beneficiaryCvs)).append(')');
        }
        text.append(": wanted ").append(amount(s.wanted())).append(" beyond what is free. ");
        if (s.victims().isEmpty()) {
            text.append(s.wanted().isZero() ? "Free room covers the need; nothing is interrupted. "
                    : "No interruptible instance qualifies. ");
        } else {
            text.append("Interrupting ").append(s.victims().size()).append(" instance(s), lowest CVS first: ");
            List<String> named = new ArrayList<>();
            for (Victim v : s.victims().subList(0, Math.min(10, s.victims().size()))) {
                named.add(v.instance().instanceId() + " (" + v.instance().clientId() + ", CVS " + fmt(v.cvs()) + ")");
            }
            text.append(String.join(", ", named)).append(s.victims().size() > 10 ? ", …" : "").append(". ");
        }
        if (!s.excluded().isEmpty()) {
            List<String> reasons = new ArrayList<>();
            s.excluded().forEach((reason, n) -> reasons.add(n + " " + reason));
            text.append("Passed over: ").append(String.join("; ", reasons)).append(". ");
        }
        if (!plan.moves().isEmpty()) {
            text.append("Interruption fell short by ").append(amount(s.shortfall())).append("; migrating ")
                    .append(plan.moves().size()).append(" uninterruptible instance(s), lowest CVS first: ");
            List<String> moved = new ArrayList<>();
            for (MigrationPlan.Move m : plan.moves()) {
                moved.add(m.victim().instance().instanceId() + " (" + m.victim().instance().clientId() + ", CVS "
                        + fmt(m.victim().cvs()) + ") to " + m.slot().slotId() + " on " + m.slot().platformId());
            }
            text.append(String.join(", ", moved)).append("; each moved client is charged as rules/penalties.drl says. ");
        }
        if (plan.shortfall().isZero()) {
            text.append("The need is covered.");
        } else {
            text.append("Short by ").append(amount(plan.shortfall())).append(
                    c.severity() == Severity.EXTREME && plan.moves().isEmpty() && !s.uninterruptible().isEmpty()
                            ? "; no uninterruptible instance could be migrated." : ".");
        }
        return text.toString();
    }

    private static String amount(Resources r) {
        return fmt(r.cpu()) + " cpu and " + fmt(r.memoryGiB()) + " GiB";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value).replaceAll("\\.?0+$", "");
    }
}

package io.arbiter.arbitration;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Contention;
import io.arbiter.domain.Decision;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Severity;
import io.arbiter.domain.Victim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a contention into a decision: selects the victims ({@link VictimSelector}), gives each an
 * interrupt action with a deterministic id, and writes the explanation. A pure function: the same
 * input gives the same decision.
 */
public final class Arbitrator {

    private Arbitrator() {
    }

    /** Decides {@code input}. */
    public static Decision decide(ArbitrationInput input) {
        Contention c = input.contention();
        double beneficiaryCvs = c.beneficiary() == null ? Double.NaN : input.standing().cvs(c.beneficiary());
        Selection selection = VictimSelector.select(c, input.free(), input.instances(), input.standing(),
                input.criteria(), beneficiaryCvs, input.now());
        String decisionId = DecisionIds.decision(c.platformId(), input.triggerId(), 0);
        List<ActionRecord> actions = new ArrayList<>();
        for (Victim v : selection.victims()) {
            actions.add(new ActionRecord(DecisionIds.action(decisionId, actions.size() + 1), decisionId,
                    ActionType.INTERRUPT, c.platformId(), v.instance().instanceId(), v.instance().clientId(), v.cvs(),
                    v.reason(), ActionStatus.PENDING,
                    List.of(new ActionRecord.Step(ActionStatus.PENDING, input.now(), "decided"))));
        }
        return new Decision(decisionId, c.platformId(), input.triggerId(), input.selfRaised(), c, input.ruleRevision(),
                input.policyVersion(), input.now(), actions, selection.wanted(), selection.shortfall(),
                selection.excluded(), input.rulesFired(), explain(input, selection, beneficiaryCvs));
    }

    private static String explain(ArbitrationInput input, Selection s, double beneficiaryCvs) {
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
        if (s.covered()) {
            text.append("The need is covered.");
        } else {
            text.append("Short by ").append(amount(s.shortfall())).append(
                    c.severity() == Severity.EXTREME ? "; handed to migration eligibility." : ".");
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

package io.arbiter.arbitration;

import io.arbiter.domain.Contention;
import io.arbiter.domain.ContentionReason;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Severity;
import io.arbiter.domain.ShadowSlot;
import io.arbiter.domain.Victim;
import io.arbiter.policy.MigrationEligibility;
import io.arbiter.policy.MigrationEligibility.Verdict;
import io.arbiter.policy.MigrationFacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the migrations that cover what interruption could not: the migration rules say which
 * uninterruptible instances are eligible; of those, lowest CVS first, each gets the smallest free
 * shadow slot on another platform that fits it, within the policy's concurrency limit, and only as
 * many move as cover the shortfall (an instance that would not reduce it stays).
 */
public final class MigrationPlanner {

    static final String CONCURRENCY = "uninterruptible, not migrated: the most concurrent migrations are running";
    static final String NO_SLOT = "uninterruptible, not migrated: no free shadow slot on another platform fits it";
    static final String NO_HELP = "uninterruptible, not migrated: moving it would not reduce the shortfall";

    private MigrationPlanner() {
    }

    /** The plan for {@code selection}'s shortfall; none when it is covered or nothing is uninterruptible. */
    public static MigrationPlan plan(Contention contention, Selection selection, double beneficiaryCvs,
                                     MigrationOptions options) {
        List<Victim> uninterruptible = selection.uninterruptible();
        if (options == null || selection.covered() || uninterruptible.isEmpty()) {
            return MigrationPlan.none(selection.shortfall());
        }
        List<MigrationFacts.Uninterruptible> facts = new ArrayList<>(uninterruptible.size());
        for (Victim v : uninterruptible) {
            facts.add(new MigrationFacts.Uninterruptible(v.instance().instanceId(), v.instance().clientId(), v.cvs(),
                    beneficiaryCvs - v.cvs()));
        }
        MigrationFacts.Request request = new MigrationFacts.Request(contention.platformId(),
                contention.severity() == Severity.EXTREME,
                contention.reason() == ContentionReason.HARDWARE_FAILURE, contention.beneficiary(), beneficiaryCvs);
        Map<String, Verdict> verdicts = MigrationEligibility.evaluate(options.rules(), options.policy(), request, facts);
        int limit = options.policy().policy().migration().maxConcurrent();
        List<ShadowSlot> slots = new ArrayList<>(options.freeSlots().stream()
                .filter(s -> !s.platformId().equals(contention.platformId()))
                .sorted(Comparator.comparingDouble((ShadowSlot s) -> s.capacity().cpu())
                        .thenComparingDouble(s -> s.capacity().memoryGiB()).thenComparing(ShadowSlot::slotId))
                .toList());
        Resources remaining = selection.shortfall();
        List<MigrationPlan.Move> moves = new ArrayList<>();
        Map<String, Integer> excluded = new LinkedHashMap<>();
        Set<String> rules = new LinkedHashSet<>();
        for (Victim v : uninterruptible) {
            if (remaining.isZero()) {
                excluded.merge(VictimSelector.UNINTERRUPTIBLE, 1, Integer::sum);
                continue;
            }
            Verdict verdict = verdicts.get(v.instance().instanceId());
            Resources after = remaining.minusClamped(v.instance().resources());
            String passedOver = null;
            ShadowSlot slot = null;
            if (!verdict.eligible()) {
                passedOver = "uninterruptible, not migrated: " + verdict.reason();
                rules.addAll(verdict.rules());
            } else if (after.equals(remaining)) {
                passedOver = NO_HELP;
            } else if (options.running() + moves.size() >= limit) {
                passedOver = CONCURRENCY;
            } else {
                slot = slots.stream().filter(s -> s.capacity().covers(v.instance().resources())).findFirst().orElse(null);
                passedOver = slot == null ? NO_SLOT : null;
            }
            if (passedOver != null) {
                excluded.merge(passedOver, 1, Integer::sum);
                continue;
            }
            slots.remove(slot);
            rules.addAll(verdict.rules());
            moves.add(new MigrationPlan.Move(new Victim(v.instance(), v.cvs(), verdict.reason()), slot));
            remaining = after;
        }
        return new MigrationPlan(true, moves, remaining, excluded, List.copyOf(rules));
    }
}

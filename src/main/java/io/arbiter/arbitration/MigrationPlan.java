package io.arbiter.arbitration;

import io.arbiter.domain.Resources;
import io.arbiter.domain.ShadowSlot;
import io.arbiter.domain.Victim;

import java.util.List;
import java.util.Map;

/**
 * The migrations one decision takes on, after interruption fell short.
 *
 * @param considered true when the migration rules were consulted; {@code excluded} then accounts for
 *                   every uninterruptible instance of the platform
 * @param moves the instances to migrate, lowest CVS first, each with its shadow slot
 * @param shortfall what interruption and these migrations together still do not cover
 * @param excluded uninterruptible instances not migrated, by reason
 * @param rulesFired the migration rules whose conclusions the plan used
 */
public record MigrationPlan(boolean considered, List<Move> moves, Resources shortfall, Map<String, Integer> excluded,
                            List<String> rulesFired) {

    /** One instance to move (its reason: why it was eligible) and where to. */
    public record Move(Victim victim, ShadowSlot slot) {
    }

    /** No migration: the shortfall stays what interruption left. */
    static MigrationPlan none(Resources shortfall) {
        return new MigrationPlan(false, List.of(), shortfall, Map.of(), List.of());
    }
}

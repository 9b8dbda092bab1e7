package io.arbiter.arbitration;

import io.arbiter.domain.ShadowSlot;
import io.arbiter.policy.CompiledRules;
import io.arbiter.policy.PolicyDocument;

import java.util.List;

/**
 * What a decision needs to consider migration: the rules and policy in force, the shadow slots free
 * now (registered and not reserved) and how many migrations are already running.
 */
public record MigrationOptions(CompiledRules rules, PolicyDocument policy, List<ShadowSlot> freeSlots, int running) {

    public MigrationOptions {
        freeSlots = List.copyOf(freeSlots);
    }
}

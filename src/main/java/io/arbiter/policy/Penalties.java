package io.arbiter.policy;

import io.arbiter.policy.PenaltyFacts.Charge;
import io.arbiter.policy.PenaltyFacts.Downgrade;
import io.arbiter.policy.PenaltyFacts.Moved;

import java.util.ArrayList;
import java.util.List;

/** Runs the penalty rules for one migrated instance: what its client is charged, and its SLA downgrade. */
public final class Penalties {

    /** The rules' conclusions for one migration, with the rules that drew them. */
    public record Outcome(List<Charge> charges, List<Downgrade> downgrades, List<String> rules) {
    }

    private Penalties() {
    }

    /** What {@code moved}'s client owes for its migration. */
    public static Outcome evaluate(CompiledRules rules, PolicyDocument policy, Moved moved) {
        List<Charge> charges = new ArrayList<>();
        List<Downgrade> downgrades = new ArrayList<>();
        List<String> fired = new ArrayList<>();
        for (RuleRun.Derived d : RuleRun.run(rules, policy, List.of(moved), "the penalty rules")) {
            if (d.fact() instanceof Charge c && c.clientId().equals(moved.clientId())) {
                charges.add(c);
                fired.add(d.rule());
            } else if (d.fact() instanceof Downgrade g && g.clientId().equals(moved.clientId())) {
                downgrades.add(g);
                fired.add(d.rule());
            }
        }
        return new Outcome(charges, downgrades, fired.stream().distinct().toList());
    }
}

package io.arbiter.policy;

import io.arbiter.policy.MigrationFacts.Eligible;
import io.arbiter.policy.MigrationFacts.Ineligible;
import io.arbiter.policy.MigrationFacts.Request;
import io.arbiter.policy.MigrationFacts.Uninterruptible;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the migration rules for one contention: which of the platform's uninterruptible instances
 * may be migrated, and why or why not. An instance is eligible when a rule derived {@link Eligible}
 * for it and none derived {@link Ineligible}.
 */
public final class MigrationEligibility {

    /** The reason given when no rule made an instance eligible. */
    public static final String NOT_ELIGIBLE = "no migration rule made it eligible";

    /**
     * One instance's verdict.
     *
     * @param reason why it is (or is not) eligible
     * @param rules the rules whose conclusions decided it
     */
    public record Verdict(boolean eligible, String reason, List<String> rules) {
    }

    private MigrationEligibility() {
    }

    /** The verdict for each instance of {@code candidates}, by instance id. */
    public static Map<String, Verdict> evaluate(CompiledRules rules, PolicyDocument policy, Request request,
                                                Collection<Uninterruptible> candidates) {
        List<Object> facts = new ArrayList<>(candidates.size() + 1);
        facts.add(request);
        facts.addAll(candidates);
        Map<String, List<String>> yes = new HashMap<>();
        Map<String, List<String>> no = new HashMap<>();
        Map<String, Set<String>> yesBy = new HashMap<>();
        Map<String, Set<String>> noBy = new HashMap<>();
        for (RuleRun.Derived d : RuleRun.run(rules, policy, facts, "the migration rules")) {
            if (d.fact() instanceof Eligible e) {
                yes.computeIfAbsent(e.instanceId(), id -> new ArrayList<>()).add(e.reason());
                yesBy.computeIfAbsent(e.instanceId(), id -> new LinkedHashSet<>()).add(d.rule());
            } else if (d.fact() instanceof Ineligible e) {
                no.computeIfAbsent(e.instanceId(), id -> new ArrayList<>()).add(e.reason());
                noBy.computeIfAbsent(e.instanceId(), id -> new LinkedHashSet<>()).add(d.rule());
            }
        }
        Map<String, Verdict> verdicts = new HashMap<>();
        for (Uninterruptible u : candidates) {
            String id = u.instanceId();
            if (no.containsKey(id)) {
                verdicts.put(id, new Verdict(false, String.join("; ", no.get(id).stream().sorted().toList()),
                        List.copyOf(noBy.get(id))));
            } else if (yes.containsKey(id)) {
                verdicts.put(id, new Verdict(true, String.join("; ", yes.get(id).stream().sorted().toList()),
                        List.copyOf(yesBy.get(id))));
            } else {
                verdicts.put(id, new Verdict(false, NOT_ELIGIBLE, List.of()));
            }
        }
        return verdicts;
    }
}

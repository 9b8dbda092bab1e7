package io.arbiter.policy;

import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One short-lived rule session: the policy's sections and the given facts go in, the rules fire
 * (with a limit, so a rule that re-triggers itself is stopped), and every fact a rule inserted comes
 * back with the name of that rule. The session is disposed before this returns.
 */
final class RuleRun {

    /** A fact a rule inserted, and which rule. */
    record Derived(Object fact, String rule) {
    }

    private RuleRun() {
    }

    /** Runs {@code rules} over {@code facts}; {@code what} names the rules in errors ("the migration rules"). */
    static List<Derived> run(CompiledRules rules, PolicyDocument policy, Collection<?> facts, String what) {
        List<Derived> derived = new ArrayList<>();
        KieSession session = rules.newSession();
        try {
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null) {
                        derived.add(new Derived(event.getObject(), event.getRule().getName()));
                    }
                }
            });
            policy.policy().sections().forEach(session::insert);
            facts.forEach(session::insert);
            int limit = 20 * (facts.size() + 20) + 1_000;
            int fired = session.fireAllRules(limit);
            if (fired >= limit) {
                throw new RuleEvaluationException(what + " fired " + fired
                        + " times and were stopped: a rule probably re-triggers itself");
            }
        } catch (RuleEvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RuleEvaluationException(what + " failed: " + e.getMessage(), e);
        } finally {
            session.dispose();
        }
        return derived;
    }
}

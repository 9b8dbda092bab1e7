package io.arbiter.policy;

import io.arbiter.domain.ClientScore;
import io.arbiter.domain.InterruptionStanding;
import io.arbiter.policy.InterruptionFacts.Candidate;
import io.arbiter.policy.InterruptionFacts.ClientValue;
import io.arbiter.policy.InterruptionFacts.Spared;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the interruption rules over every client's score: one session for all, disposed at the end.
 * A client is a candidate when a rule derived {@link Candidate} for it and none derived
 * {@link Spared}; the standing names the rules whose conclusions made it.
 */
public final class InterruptionStandings {

    /** The reason given when no rule made a client a candidate. */
    public static final String NOT_A_CANDIDATE = "no interruption rule made the client a candidate "
            + "(by default: CVS at or above the interruption threshold)";

    private InterruptionStandings() {
    }

    /** Each client's standing, by client id. */
    public static Map<String, InterruptionStanding> evaluate(CompiledRules rules, PolicyDocument policy,
                                                             Collection<ClientScore> scores) {
        Conclusions conclusions = new Conclusions();
        KieSession session = rules.newSession();
        try {
            session.addEventListener(conclusions);
            policy.policy().sections().forEach(session::insert);
            for (ClientScore s : scores) {
                session.insert(new ClientValue(s.clientId(), s.slaTier(), s.cvs()));
            }
            int limit = 20 * (scores.size() + 20) + 1_000;
            int fired = session.fireAllRules(limit);
            if (fired >= limit) {
                throw new RuleEvaluationException("the interruption rules fired " + fired
                        + " times and were stopped: a rule probably re-triggers itself");
            }
        } catch (RuleEvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RuleEvaluationException("an interruption rule failed: " + e.getMessage(), e);
        } finally {
            session.dispose();
        }
        Map<String, InterruptionStanding> standings = new HashMap<>();
        for (ClientScore s : scores) {
            standings.put(s.clientId(), conclusions.standing(s.clientId()));
        }
        return standings;
    }

    /** What the rules concluded, per client, with the rules that concluded it. */
    private static final class Conclusions extends DefaultRuleRuntimeEventListener {
        private final Map<String, Set<String>> candidateBy = new HashMap<>();
        private final Map<String, List<String>> spared = new HashMap<>();
        private final Map<String, Set<String>> sparedBy = new HashMap<>();

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            String rule = event.getRule() == null ? "(inserted by the scorer)" : event.getRule().getName();
            if (event.getObject() instanceof Candidate c) {
                candidateBy.computeIfAbsent(c.clientId(), id -> new LinkedHashSet<>()).add(rule);
            } else if (event.getObject() instanceof Spared s) {
                spared.computeIfAbsent(s.clientId(), id -> new ArrayList<>()).add(s.reason());
                sparedBy.computeIfAbsent(s.clientId(), id -> new LinkedHashSet<>()).add(rule);
            }
        }

        InterruptionStanding standing(String clientId) {
            List<String> reasons = spared.get(clientId);
            if (reasons != null) {
                return new InterruptionStanding(clientId, String.join("; ", reasons),
                        List.copyOf(sparedBy.get(clientId)));
            }
            Set<String> by = candidateBy.get(clientId);
            return by == null ? new InterruptionStanding(clientId, NOT_A_CANDIDATE, List.of())
                    : new InterruptionStanding(clientId, null, List.copyOf(by));
        }
    }
}

package io.arbiter.policy;

import io.arbiter.policy.CvsFacts.Contribution;
import io.arbiter.policy.CvsFacts.ScoreAdjustment;
import io.arbiter.policy.CvsFacts.WeightedScore;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the CVS rules derived in one session, per client: contributions, the weighted score and the
 * adjustments with the names of the rules that inserted them (seen as they are inserted).
 */
final class SessionRecord extends DefaultRuleRuntimeEventListener {

    private final Map<String, List<Adjustments.ByRule>> adjustments = new HashMap<>();
    private final Map<String, List<Contribution>> contributions = new HashMap<>();
    private final Map<String, WeightedScore> weighted = new HashMap<>();

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof ScoreAdjustment a) {
            String rule = event.getRule() == null ? "(inserted by the scorer)" : event.getRule().getName();
            adjustments.computeIfAbsent(a.clientId(), id -> new ArrayList<>()).add(new Adjustments.ByRule(rule, a));
        }
    }

    /** Reads the session's derived facts; call after {@code fireAllRules()}. */
    void collect(KieSession session) {
        for (Object fact : session.getObjects()) {
            if (fact instanceof Contribution c) {
                contributions.computeIfAbsent(c.clientId(), id -> new ArrayList<>()).add(c);
            } else if (fact instanceof WeightedScore w && weighted.put(w.clientId(), w) != null) {
                throw new RuleEvaluationException("the rules derived more than one WeightedScore for client "
                        + w.clientId());
            }
        }
    }

    List<Adjustments.ByRule> adjustments(String clientId) {
        return adjustments.getOrDefault(clientId, List.of());
    }

    List<Contribution> contributions(String clientId) {
        return contributions.getOrDefault(clientId, List.of());
    }

    WeightedScore weighted(String clientId) {
        return weighted.get(clientId);
    }
}

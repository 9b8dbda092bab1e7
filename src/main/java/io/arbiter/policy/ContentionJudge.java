package io.arbiter.policy;

import io.arbiter.domain.ClientScore;
import io.arbiter.domain.Resources;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Decides a scenario's contentions, in order, as the service would (the arbitration package
 * provides it; this package only names what scenarios need of it).
 */
public interface ContentionJudge {

    /**
     * What one contention's decision did, for a scenario to compare.
     *
     * @param migrated the instances migrated, with the shadow slot each goes to ({@code "i1 -> slot"})
     */
    record Outcome(List<String> interrupted, List<String> migrated, Resources shortfall,
                   Map<String, Integer> excluded) {
    }

    /** One outcome per contention of {@code state}, in order; each sees what the earlier ones did. */
    List<Outcome> decide(ScenarioState state, Map<String, ClientScore> scores, CompiledRules rules,
                         PolicyDocument policy, Instant now);
}

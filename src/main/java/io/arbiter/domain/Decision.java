package io.arbiter.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What Arbiter decided for one contention, with everything needed to explain it.
 *
 * @param decisionId deterministic, from the platform, the trigger and a sequence number
 * @param trigger the id of the contention event, or of the self-raised contention
 * @param selfRaised true when Arbiter raised the contention itself (allocation over the high-water mark)
 * @param wanted the room still wanted after what was free
 * @param shortfall what the actions do not cover
 * @param excluded instances passed over, by reason
 * @param rulesFired the rules whose conclusions the decision used
 * @param explanation the decision in words
 */
public record Decision(String decisionId, String platformId, String trigger, boolean selfRaised, Contention contention,
                       String ruleRevision, String policyVersion, Instant decidedAt, List<ActionRecord> actions,
                       Resources wanted, Resources shortfall, Map<String, Integer> excluded, List<String> rulesFired,
                       String explanation) {

    /**
     * This decision with {@code replaced} as its actions: the same ones changed (the same ids, in
     * the same order), or only some of them (for instance those one member carries out).
     */
    public Decision withActions(List<ActionRecord> replaced) {
        return new Decision(decisionId, platformId, trigger, selfRaised, contention, ruleRevision, policyVersion,
                decidedAt, replaced, wanted, shortfall, excluded, rulesFired, explanation);
    }

    public Decision {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(contention, "contention");
        actions = List.copyOf(actions);
        excluded = Map.copyOf(excluded);
        rulesFired = List.copyOf(rulesFired);
    }

}

package io.arbiter.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A client's value score with its explanation (like Slurm's {@code sprio}).
 *
 * @param cvs the score in force, in [0,1]
 * @param factors each factor's raw and normalised value, weight and contribution
 * @param adjustments the rules that changed the weighted sum (caps, boosts), by name
 * @param ruleRevision the revision of the rules that computed it
 * @param policyVersion the version of the policy whose weights it used
 */
public record ClientScore(String clientId, SlaTier slaTier, double cvs, List<FactorContribution> factors,
                         List<String> adjustments, String ruleRevision, String policyVersion, Instant computedAt) {

    public ClientScore {
        Objects.requireNonNull(clientId, "clientId");
        factors = List.copyOf(factors);
        adjustments = List.copyOf(adjustments);
    }
}

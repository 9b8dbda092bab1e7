package io.arbiter.app;

import io.arbiter.arbitration.ScoredClients;
import io.arbiter.domain.ClientScore;
import io.arbiter.domain.InterruptionStanding;
import io.arbiter.policy.PolicyEngine;

import java.util.Map;

/**
 * Every client's score in force and interruption standing as this member's latest scoring pass left
 * them, kept in memory for decisions: a decision for a platform of 10,000 clients reads them here
 * instead of asking the grid for each client's. A pass puts its board up before it writes the same
 * scores to the grid, and names itself the latest pass in the grid after; the board stands for the
 * grid only while its pass is the one named there ({@link DecisionScores}).
 *
 * @param passId the pass's id, unique across members
 * @param scored the scores in force and standings, one object for every decision taken from this board
 * @param ruleRevision the rules the pass scored with
 * @param policyVersion the policy the pass scored with
 */
record ScoreBoard(String passId, ScoredClients scored, String ruleRevision, String policyVersion) {

    /** The board of pass {@code passId}, holding copies of {@code scores} and {@code standings}. */
    ScoreBoard(String passId, Map<String, ClientScore> scores, Map<String, InterruptionStanding> standings,
               String ruleRevision, String policyVersion) {
        this(passId, new ScoredClients(Map.copyOf(scores), Map.copyOf(standings)), ruleRevision, policyVersion);
    }

    /** Every client's score in force, by client id. */
    Map<String, ClientScore> scores() {
        return scored.scores();
    }

    /** Every client's interruption standing, by client id. */
    Map<String, InterruptionStanding> standings() {
        return scored.standings();
    }

    /** True when the pass scored with the rules and policy of {@code snapshot}. */
    boolean scoredWith(PolicyEngine.Snapshot snapshot) {
        return ruleRevision.equals(snapshot.rules().revision()) && policyVersion.equals(snapshot.policy().version());
    }
}

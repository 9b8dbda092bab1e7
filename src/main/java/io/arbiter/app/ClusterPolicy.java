package io.arbiter.app;

import io.arbiter.grid.GridScores;
import io.arbiter.http.PolicyChanges;
import io.arbiter.policy.PolicyDocument;
import io.arbiter.policy.PolicyEngine;
import io.arbiter.policy.PolicyFormat;
import io.arbiter.policy.PolicyLoader;
import io.arbiter.policy.PolicyValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionStage;

/**
 * Keeps one policy in force cluster-wide: a policy applied on this node is put in the grid and
 * every client is re-scored; a policy another member put is applied here. A member that joins
 * takes the cluster's policy rather than its own file's.
 */
final class ClusterPolicy implements PolicyChanges {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterPolicy.class);

    private final PolicyEngine engine;
    private final GridScores grid;
    private final ScoreRefresher refresher;

    ClusterPolicy(PolicyEngine engine, GridScores grid, ScoreRefresher refresher) {
        this.engine = engine;
        this.grid = grid;
        this.refresher = refresher;
    }

    /** Takes the cluster's policy if it has one, else shares this node's; then follows changes. */
    void join() {
        grid.policyJson().ifPresentOrElse(this::adopt, () -> grid.putPolicy(engine.current().policy().toJson()));
        grid.onPolicyChange(this::adopt);
    }

    @Override
    public CompletionStage<Integer> applied(PolicyDocument policy) {
        grid.putPolicy(policy.toJson());
        return refresher.scoredWith(policy.version()).thenApply(ScoreRefresher.Pass::clients);
    }

    private void adopt(String json) {
        try {
            PolicyDocument doc = PolicyLoader.parse(json, PolicyFormat.JSON);
            if (!doc.version().equals(engine.current().policy().version())) {
                engine.applyPolicy(doc);
                LOG.info("policy version {} in force, from the cluster", doc.version());
            }
        } catch (PolicyValidationException e) {
            LOG.error("the cluster's policy is not valid here and was not applied: {}", e.errors());
        }
    }
}

package io.arbiter.http;

import io.arbiter.policy.PolicyDocument;

import java.util.concurrent.CompletionStage;

/** What happens once a new policy is in force on this node: it is shared cluster-wide and clients are re-scored. */
public interface PolicyChanges {

    /** Shares {@code policy} and re-scores; completes with how many clients were scored. */
    CompletionStage<Integer> applied(PolicyDocument policy);
}

package io.arbiter.testing;

import io.vertx.core.json.JsonObject;

/** Edits of the policy (as {@code GET /v1/policy} answers it) that tests make often, for {@link Http#editPolicy}. */
public final class PolicyEdits {

    private PolicyEdits() {
    }

    /** Scores clients by SLA tier alone: every other factor weighs nothing, so tiers order the clients. */
    public static void scoreBySlaTierAlone(JsonObject policy) {
        policy.put("weights", new JsonObject().put("usage", 0).put("sla", 1).put("forecast", 0).put("demand", 0)
                .put("payment", 0));
    }
}

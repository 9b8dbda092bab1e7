package io.arbiter.policy;

import java.util.List;

/** What became of a {@code PUT /v1/policy}: applied (200), stale (412) or invalid (422). */
public sealed interface PolicyUpdate {

    /** The policy is in force; {@code policy.version()} is the new {@code ETag}. */
    record Applied(PolicyDocument policy) implements PolicyUpdate {
    }

    /** {@code If-Match} named another version than the one in force, which is {@code currentVersion}. */
    record Stale(String currentVersion) implements PolicyUpdate {
    }

    /** The document was refused; nothing of it was applied. */
    record Invalid(List<PolicyError> errors) implements PolicyUpdate {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}

package io.arbiter.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * A validated policy with its version: the first 12 hex digits of the SHA-256 of its canonical
 * JSON, so equal content always has the same version (the {@code ETag} of {@code GET /v1/policy}).
 */
public record PolicyDocument(Policy policy, String version) {

    public PolicyDocument {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(version, "version");
    }

    /** {@code policy} with the version of its content. */
    public static PolicyDocument of(Policy policy) {
        return new PolicyDocument(policy, Hashes.of(PolicyJson.canonical(policy)));
    }

    /** The built-in policy, {@link Policy#DEFAULTS}. */
    public static PolicyDocument defaults() {
        return of(Policy.DEFAULTS);
    }

    /**
     * The body of {@code GET /v1/policy}: {@code version} first, then every key of the policy.
     * {@link PolicyLoader} takes this text back as it is (it ignores {@code version}).
     */
    public String toJson() {
        ObjectNode body = PolicyJson.tree(policy);
        ObjectNode withVersion = body.objectNode().put("version", version);
        withVersion.setAll(body);
        return PolicyJson.text(withVersion);
    }

    /** True when an {@code If-Match} value names this version: {@code *}, or the version, quoted or not. */
    public boolean matches(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return true;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.replace("\"", "").equals(version)) {
                return true;
            }
        }
        return false;
    }
}

package io.arbiter.domain;

import java.util.List;
import java.util.Objects;

/**
 * What the interruption rules concluded of a client, at scoring time: whether its interruptible
 * instances may be interrupted, and if not, why.
 *
 * @param sparedBecause the reason it is spared, or null when it is a candidate
 * @param rules the rules whose conclusions made the standing
 */
public record InterruptionStanding(String clientId, String sparedBecause, List<String> rules) {

    public InterruptionStanding {
        Objects.requireNonNull(clientId, "clientId");
        rules = List.copyOf(rules);
    }

    /** True when the client's interruptible instances may be interrupted. */
    public boolean candidate() {
        return sparedBecause == null;
    }
}

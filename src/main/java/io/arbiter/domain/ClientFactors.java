package io.arbiter.domain;

import java.util.List;
import java.util.Objects;

/**
 * Everything the CVS rules see of one client: its tier, its normalised factors, and the facts that
 * cap or boost rules test (such as how long its oldest unpaid invoice is overdue).
 *
 * @param oldestOverdueDays whole days the oldest unpaid invoice is past due; 0 when none is
 */
public record ClientFactors(String clientId, SlaTier slaTier, List<Factor> factors, long oldestOverdueDays) {

    public ClientFactors {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(slaTier, "slaTier");
        factors = List.copyOf(factors);
    }
}

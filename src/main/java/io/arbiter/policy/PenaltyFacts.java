package io.arbiter.policy;

import io.arbiter.domain.SlaTier;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The facts of {@code rules/penalties.drl}: a {@link Moved} per migrated instance goes in (with the
 * policy's sections); rules derive {@link Charge} (money) and {@link Downgrade} (a lower SLA tier
 * for a while). The ledger records them once per migration.
 */
public final class PenaltyFacts {

    private PenaltyFacts() {
    }

    /** A client's instance moved by a migration. */
    public record Moved(String clientId, String instanceId, SlaTier slaTier, double cvs) {
    }

    /** Charge {@code amount} in {@code currency} to the client. */
    public record Charge(String clientId, BigDecimal amount, String currency, String reason) {
    }

    /** Lower the client's SLA tier by {@code tiers} for {@code duration}. */
    public record Downgrade(String clientId, int tiers, Duration duration, String reason) {
    }
}

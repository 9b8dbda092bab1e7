package io.arbiter.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One append-only ledger line: a penalty charged or an SLA downgrade, for the decision that caused it.
 *
 * @param entryId deterministic (the decision's action and the entry type), so a retry or a restart
 *                cannot charge twice
 * @param amount money charged, for a {@link LedgerEntryType#PENALTY}; null otherwise
 * @param currency ISO currency of the amount; null when there is none
 * @param fromTier the tier before a {@link LedgerEntryType#DOWNGRADE}; null otherwise
 * @param toTier the tier during the downgrade; null otherwise
 * @param until when the downgrade ends; null otherwise
 * @param time when the entry was written
 */
public record LedgerEntry(String entryId, String clientId, String decisionId, LedgerEntryType type,
                          BigDecimal amount, String currency, SlaTier fromTier, SlaTier toTier, Instant until,
                          Instant time) {

    public LedgerEntry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
    }

    /** True when this is a downgrade in force at {@code at}. */
    public boolean downgradeInForce(Instant at) {
        return type == LedgerEntryType.DOWNGRADE && until != null && at.isBefore(until) && !at.isBefore(time);
    }
}

package io.arbiter.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One invoice of a client and whether it was paid.
 *
 * <p>The predicates judge it as seen at a given {@code now}: a {@code paidDate} after {@code now}
 * has not happened yet.
 *
 * @param amount the amount invoiced; not negative
 * @param currency the amount's currency (ISO 4217 code)
 * @param paidDate when it was paid, or null while unpaid
 */
public record Payment(String clientId, String invoiceId, BigDecimal amount, String currency,
                      Instant dueDate, Instant paidDate) {

    public Payment {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(dueDate, "dueDate");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative, was " + amount);
        }
    }

    /** Whether it had been paid at {@code now}. */
    public boolean paidBy(Instant now) {
        return paidDate != null && !paidDate.isAfter(now);
    }

    /** Whether, at {@code now}, it is unpaid and past its due date. */
    public boolean overdueAt(Instant now) {
        return !paidBy(now) && now.isAfter(dueDate);
    }

    /** Whether, at {@code now}, it has been judged: paid, or past its due date. */
    public boolean judgedAt(Instant now) {
        return paidBy(now) || now.isAfter(dueDate);
    }

    /** Whether, at {@code now}, it was paid no later than its due date. */
    public boolean paidOnTimeBy(Instant now) {
        return paidBy(now) && !paidDate.isAfter(dueDate);
    }
}

package io.arbiter.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An invoice as the {@code payment} event describes it.
 *
 * @param invoiceId the client's invoice id
 * @param amount the amount invoiced; not negative
 * @param currency the amount's currency (ISO 4217 code)
 * @param dueDate when payment is due
 * @param paidDate when it was paid, or {@code null} while unpaid
 */
public record Invoice(String invoiceId, BigDecimal amount, String currency, Instant dueDate, Instant paidDate) {

    /** Validates the fields. */
    public Invoice {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(dueDate, "dueDate");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative, was " + amount);
        }
    }

    /** Whether it had been paid at {@code now} (a payment dated after {@code now} has not happened yet). */
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

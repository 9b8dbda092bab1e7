package io.arbiter.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One invoice of a client and whether it was paid.
 *
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
    }
}

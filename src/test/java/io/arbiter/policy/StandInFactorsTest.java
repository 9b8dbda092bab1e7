package io.arbiter.policy;

import io.arbiter.domain.Payment;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StandInFactorsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static Payment invoice(String id, String due, String paid) {
        return new Payment("acme", id, new BigDecimal("10.00"), "EUR", Instant.parse(due),
                paid == null ? null : Instant.parse(paid));
    }

    @Test
    void aClientWithoutInvoicesPaysOnTime() {
        assertThat(StandInFactors.paidOnTimeShare(List.of(), NOW)).isEqualTo(1.0);
        assertThat(StandInFactors.oldestOverdueDays(List.of(), NOW)).isZero();
    }

    @Test
    void thePaymentFactorIsTheShareOfInvoicesPaidByTheirDueDate() {
        List<Payment> invoices = List.of(
                invoice("on-time", "2026-11-01T00:00:00Z", "2026-10-31T00:00:00Z"),
                invoice("late", "2026-11-01T00:00:00Z", "2026-11-05T00:00:00Z"),
                invoice("overdue", "2026-11-20T00:00:00Z", null),
                invoice("not-due-yet", "2026-12-20T00:00:00Z", null));

        assertThat(StandInFactors.paidOnTimeShare(invoices, NOW)).isEqualTo(1.0 / 3);
    }

    @Test
    void overdueDaysCountFromTheOldestUnpaidInvoice() {
        List<Payment> invoices = List.of(
                invoice("paid-late", "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z"),
                invoice("overdue", "2026-10-19T10:00:00Z", null),
                invoice("recent", "2026-11-30T00:00:00Z", null));

        assertThat(StandInFactors.oldestOverdueDays(invoices, NOW)).isEqualTo(45);
    }
}

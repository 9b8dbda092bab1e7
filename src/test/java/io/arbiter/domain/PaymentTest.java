package io.arbiter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final Instant DUE = Instant.parse("2026-12-03T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private static Payment invoice(String amount, Instant paid) {
        return new Payment("client-1", "inv-1", new BigDecimal(amount), "EUR", DUE, paid);
    }

    @Test
    void anUnpaidInvoiceIsJudgedOnlyOnceItIsPastDue() {
        Payment unpaid = invoice("100", null);

        assertThat(unpaid.judgedAt(DUE)).isFalse();
        assertThat(unpaid.overdueAt(DUE)).isFalse();
        assertThat(unpaid.judgedAt(DUE.plusSeconds(1))).isTrue();
        assertThat(unpaid.overdueAt(DUE.plusSeconds(1))).isTrue();
        assertThat(unpaid.paidBy(DUE.plus(DAY))).isFalse();
    }

    @Test
    void aPaymentByTheDueDateIsOnTimeAndALaterOneIsNot() {
        Payment onTime = invoice("100", DUE);
        Payment late = invoice("100", DUE.plus(DAY));

        assertThat(onTime.paidOnTimeBy(DUE)).isTrue();
        assertThat(onTime.judgedAt(DUE)).isTrue();
        assertThat(late.paidOnTimeBy(DUE.plus(DAY))).isFalse();
        assertThat(late.overdueAt(DUE.plus(DAY))).isFalse();
    }

    @Test
    void aPaymentDatedAfterNowHasNotHappenedYet() {
        Payment paidTomorrow = invoice("100", DUE.plus(DAY));

        assertThat(paidTomorrow.paidBy(DUE.plusSeconds(1))).isFalse();
        assertThat(paidTomorrow.overdueAt(DUE.plusSeconds(1))).isTrue();
        assertThat(paidTomorrow.paidBy(DUE.plus(DAY))).isTrue();
    }

    @Test
    void aNegativeAmountIsRefused() {
        assertThatThrownBy(() -> invoice("-1", null)).hasMessageContaining("amount");
        assertThat(invoice("0", null).amount()).isZero();
    }
}

package io.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.arbiter.domain.Factor;
import io.arbiter.domain.Payment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentHistoryTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration HALF_LIFE = PaymentHistory.DEFAULT_HALF_LIFE;
    private final PaymentHistory payments = PaymentHistory.standard();

    private static Payment invoice(String id, String amount, Instant due, Instant paid) {
        return invoice(id, amount, "EUR", due, paid);
    }

    private static Payment invoice(String id, String amount, String currency, Instant due, Instant paid) {
        return new Payment("client-1", id, new BigDecimal(amount), currency, due, paid);
    }

    private static Payment paid(String id, Instant due, Duration late) {
        return invoice(id, "100", due, due.plus(late));
    }

    @Test
    void aClientThatAlwaysPaidOnTimeScoresOne() {
        Instant due = NOW.minus(Duration.ofDays(40));
        PaymentAssessment assessment = payments.assess(List.of(
                paid("a", due, Duration.ofDays(-2)), paid("b", due.minus(Duration.ofDays(30)), Duration.ZERO)), NOW);

        assertThat(assessment.factor()).isEqualTo(1.0);
        assertThat(assessment.oldestOverdue()).isZero();
    }

    @Test
    void aLatePaymentCountsAgainstTheOnTimeShare() {
        Instant due = NOW.minus(Duration.ofDays(10));
        PaymentAssessment assessment = payments.assess(List.of(
                paid("on-time", due, Duration.ZERO), paid("late", due, Duration.ofDays(3))), NOW);

        assertThat(assessment.onTimeShare()).isCloseTo(0.5, within(1e-12));
        assertThat(assessment.overdueShare()).isZero();
        assertThat(assessment.factor()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void recentInvoicesWeighMoreThanOldOnes() {
        Instant recent = NOW.minus(Duration.ofDays(1));
        Instant old = recent.minus(HALF_LIFE.multipliedBy(2));
        PaymentAssessment lateLongAgo = payments.assess(List.of(
                paid("old", old, Duration.ofDays(5)), paid("new", recent, Duration.ZERO)), NOW);
        PaymentAssessment lateRecently = payments.assess(List.of(
                paid("old", old, Duration.ZERO), paid("new", recent, Duration.ofHours(1))), NOW);

        assertThat(lateLongAgo.factor()).isCloseTo(1 / 1.25, within(1e-9));
        assertThat(lateRecently.factor()).isCloseTo(0.25 / 1.25, within(1e-9));
    }

    @Test
    void anInvoiceOverdueNowLowersBothTerms() {
        Instant due = NOW.minus(HALF_LIFE);
        List<Payment> invoices = List.of(paid("a", due, Duration.ZERO), paid("b", due, Duration.ZERO),
                paid("c", due, Duration.ZERO), invoice("d", "100", due, null));

        PaymentAssessment assessment = payments.assess(invoices, NOW);

        assertThat(assessment.onTimeShare()).isCloseTo(1.5 / 2.5, within(1e-9));
        assertThat(assessment.overdueShare()).isCloseTo(100 / 250.0, within(1e-9));
        assertThat(assessment.factor()).isCloseTo(0.6 * 0.6, within(1e-9));
        assertThat(assessment.overdue()).isEqualTo(Map.of("EUR", new BigDecimal("100")));
    }

    @Test
    void overdueIsJudgedByTheInjectedNow() {
        Instant due = NOW;
        List<Payment> unpaid = List.of(invoice("a", "100", due, null));

        assertThat(payments.assess(unpaid, due.minusSeconds(1)).factor()).isEqualTo(1.0);
        assertThat(payments.assess(unpaid, due).factor()).isEqualTo(1.0);
        assertThat(payments.assess(unpaid, due.plusSeconds(1)).factor()).isZero();
    }

    @Test
    void aPaymentDatedAfterNowHasNotHappenedYet() {
        Instant due = NOW.minus(Duration.ofDays(2));
        Payment paidTomorrow = invoice("a", "100", due, NOW.plus(Duration.ofDays(1)));

        PaymentAssessment assessment = payments.assess(List.of(paidTomorrow), NOW);

        assertThat(assessment.factor()).isZero();
        assertThat(assessment.oldestOverdue()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void theOldestOverdueAgeFeedsTheThirtyDayCap() {
        List<Payment> invoices = List.of(invoice("a", "10", NOW.minus(Duration.ofDays(10)), null),
                invoice("b", "10", NOW.minus(Duration.ofDays(40)), null),
                invoice("c", "10", NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(80))));

        PaymentAssessment assessment = payments.assess(invoices, NOW);

        assertThat(assessment.oldestOverdue()).isEqualTo(Duration.ofDays(40));
        assertThat(assessment.overdueLongerThan(Duration.ofDays(30))).isTrue();
        assertThat(assessment.overdueLongerThan(Duration.ofDays(40))).isFalse();
    }

    @Test
    void eachCurrencyIsComparedOnlyWithItself() {
        Instant due = NOW.minus(Duration.ofDays(5));
        List<Payment> invoices = List.of(
                invoice("eur", "1000000", "EUR", due, due),
                invoice("usd-1", "50", "USD", due, due),
                invoice("usd-2", "50", "USD", due, null));

        PaymentAssessment assessment = payments.assess(invoices, NOW);

        double w = Math.pow(0.5, 5.0 / 90);
        assertThat(assessment.overdueShare()).isCloseTo(50 / (50 * w + 50), within(1e-9));
    }

    @Test
    void withNothingJudgedYetTheFactorIsOne() {
        PaymentAssessment assessment = payments.assess(List.of(invoice("a", "10", NOW.plus(Duration.ofDays(30)), null)), NOW);

        assertThat(assessment.toFactor()).isEqualTo(new Factor("payment", 1, 1));
    }
}

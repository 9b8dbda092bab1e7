package io.arbiter.scoring;

import io.arbiter.domain.Payment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The payment factor of a client, from its invoices ({@link Payment}s) as seen at an injected {@code now}.
 *
 * <p>An invoice counts once it is <em>judged</em>: paid by {@code now}, or past its due date. It
 * weighs {@code w = 0.5^(max(0, now - dueDate) / halfLife)} if paid, so recent invoices weigh more,
 * and {@code w = 1} while overdue (unpaid debt does not fade). Then
 * <pre>
 *   onTime   = sum(w, paid by its due date) / sum(w)                 (1 when nothing is judged yet)
 *   overdue  = max over currencies c of  sum(amount, overdue, c) / sum(w * amount, c)   (0 if none)
 *   factor   = onTime * (1 - overdue)                                in [0, 1]
 * </pre>
 * Each currency is compared only with itself, so no exchange rate is needed; an overdue invoice
 * lowers both terms. Late payment is judged by {@code paidDate > dueDate}; a {@code paidDate}
 * after {@code now} is treated as not paid yet.
 *
 * @param halfLife how fast a paid invoice's weight fades, counted from its due date
 */
public record PaymentHistory(Duration halfLife) {

    /** The default half-life: 90 days. */
    public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(90);

    /** Validates the half-life. */
    public PaymentHistory {
        Objects.requireNonNull(halfLife, "halfLife");
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("halfLife must be positive, was " + halfLife);
        }
    }

    /** A payment history with the {@link #DEFAULT_HALF_LIFE}. */
    public static PaymentHistory standard() {
        return new PaymentHistory(DEFAULT_HALF_LIFE);
    }

    /** The client's payment record at {@code now}. */
    public PaymentAssessment assess(Collection<Payment> invoices, Instant now) {
        double weights = 0;
        double onTime = 0;
        Map<String, double[]> byCurrency = new HashMap<>();
        Map<String, BigDecimal> overdueAmounts = new HashMap<>();
        Duration oldestOverdue = Duration.ZERO;
        for (Payment invoice : invoices) {
            if (!invoice.judgedAt(now)) {
                continue;
            }
            boolean overdue = invoice.overdueAt(now);
            double w = overdue ? 1 : weight(invoice, now);
            weights += w;
            onTime += invoice.paidOnTimeBy(now) ? w : 0;
            double[] sums = byCurrency.computeIfAbsent(invoice.currency(), c -> new double[2]);
            sums[1] += w * invoice.amount().doubleValue();
            if (overdue) {
                sums[0] += invoice.amount().doubleValue();
                overdueAmounts.merge(invoice.currency(), invoice.amount(), BigDecimal::add);
                Duration age = Duration.between(invoice.dueDate(), now);
                oldestOverdue = age.compareTo(oldestOverdue) > 0 ? age : oldestOverdue;
            }
        }
        double overdueShare = 0;
        for (double[] sums : byCurrency.values()) {
            overdueShare = sums[1] > 0 ? Math.max(overdueShare, sums[0] / sums[1]) : overdueShare;
        }
        double onTimeShare = weights > 0 ? onTime / weights : 1;
        return new PaymentAssessment(onTimeShare, overdueShare, Checks.clamp01(onTimeShare * (1 - overdueShare)),
                Map.copyOf(overdueAmounts), oldestOverdue);
    }

    private double weight(Payment invoice, Instant now) {
        double age = Math.max(0, DecaySpec.seconds(Duration.between(invoice.dueDate(), now)));
        return DecaySpec.decay(age, DecaySpec.seconds(halfLife));
    }
}

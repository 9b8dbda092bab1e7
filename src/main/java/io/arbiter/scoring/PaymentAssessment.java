package io.arbiter.scoring;

import io.arbiter.domain.Factor;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * A client's payment record at one instant, as {@link PaymentHistory#assess} computes it.
 *
 * @param onTimeShare the weighted share of judged invoices paid by their due date, in [0, 1]
 * @param overdueShare the largest share, over currencies, of the weighted amount invoiced that is overdue now, in [0, 1]
 * @param factor {@code onTimeShare * (1 - overdueShare)}, in [0, 1]
 * @param overdue the amount overdue now, per currency
 * @param oldestOverdue how long the oldest overdue invoice has been past its due date; zero if none
 */
public record PaymentAssessment(double onTimeShare, double overdueShare, double factor,
                                Map<String, BigDecimal> overdue, Duration oldestOverdue) {

    /** The factor's name in {@link Factor}s. */
    public static final String FACTOR = "payment";

    /** Whether some invoice has been overdue for longer than {@code age} (a policy's cap rule). */
    public boolean overdueLongerThan(Duration age) {
        return oldestOverdue.compareTo(age) > 0;
    }

    /** The payment factor: raw is the on-time share, normalized the factor. */
    public Factor toFactor() {
        return new Factor(FACTOR, onTimeShare, factor);
    }
}

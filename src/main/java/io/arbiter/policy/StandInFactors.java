package io.arbiter.policy;

import io.arbiter.domain.Client;
import io.arbiter.domain.ClientFactors;
import io.arbiter.domain.Factor;
import io.arbiter.domain.Payment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in {@link FactorSource} until the scoring package provides the real factors: the SLA
 * factor is the tier's value in the policy; the payment factor is the share of the client's
 * invoices paid on time (of those paid or past due at {@code now}; 1.0 when there are none);
 * usage, forecast and demand are 0. {@code oldestOverdueDays} counts the whole days the oldest
 * unpaid invoice is past due at {@code now}.
 */
public final class StandInFactors implements FactorSource {

    @Override
    public List<ClientFactors> factors(ScenarioState state, PolicyDocument policy, Instant now) {
        List<ClientFactors> all = new ArrayList<>();
        for (Client client : state.clients()) {
            List<Payment> payments = state.payments(client.clientId());
            double sla = policy.policy().slaTiers().valueOf(client.slaTier());
            double paidOnTime = paidOnTimeShare(payments, now);
            all.add(new ClientFactors(client.clientId(), client.slaTier(), List.of(
                    new Factor("usage", 0, 0),
                    new Factor("sla", sla, sla),
                    new Factor("forecast", 0, 0),
                    new Factor("demand", 0, 0),
                    new Factor("payment", paidOnTime, paidOnTime)), oldestOverdueDays(payments, now)));
        }
        return all;
    }

    /** The share of invoices paid by their due date, of those paid or past due at {@code now}. */
    static double paidOnTimeShare(List<Payment> payments, Instant now) {
        int counted = 0;
        int onTime = 0;
        for (Payment p : payments) {
            boolean paid = p.paidDate() != null && !p.paidDate().isAfter(now);
            if (paid || p.dueDate().isBefore(now)) {
                counted++;
                onTime += paid && !p.paidDate().isAfter(p.dueDate()) ? 1 : 0;
            }
        }
        return counted == 0 ? 1.0 : (double) onTime / counted;
    }

    /** Whole days the oldest invoice unpaid at {@code now} is past due; 0 when none is. */
    static long oldestOverdueDays(List<Payment> payments, Instant now) {
        long days = 0;
        for (Payment p : payments) {
            boolean unpaid = p.paidDate() == null || p.paidDate().isAfter(now);
            if (unpaid && p.dueDate().isBefore(now)) {
                days = Math.max(days, Duration.between(p.dueDate(), now).toDays());
            }
        }
        return days;
    }
}

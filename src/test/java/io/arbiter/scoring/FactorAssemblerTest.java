package io.arbiter.scoring;

import io.arbiter.domain.Client;
import io.arbiter.domain.ClientFactors;
import io.arbiter.domain.Factor;
import io.arbiter.domain.Payment;
import io.arbiter.domain.SlaTier;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FactorAssemblerTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final FactorAssembler.Parameters PARAMS = new FactorAssembler.Parameters(SlaTiers.standard(),
            new DemandSignals(Map.of(), DemandSignals.Combination.MAX), PaymentHistory.standard());

    private static UsageSummary usage(double cpu, double memory) {
        return new UsageSummary(cpu, memory, 10, cpu, memory, 10,
                new Projection("seasonal-peak", NOW, Duration.ofHours(1), cpu * 1.2, memory * 1.2));
    }

    private static double factor(ClientFactors f, String name) {
        return f.factors().stream().filter(x -> x.name().equals(name)).mapToDouble(Factor::normalized).findFirst()
                .orElseThrow();
    }

    @Test
    void everyClientGetsTheFiveFactorsThePolicyWeighs() {
        List<ClientFactors> all = FactorAssembler.assemble(List.of(new FactorAssembler.ClientInputs(
                new Client("a", "A", SlaTier.GOLD), null, List.of(), List.of())), PARAMS, NOW);

        assertThat(all.get(0).factors()).extracting(Factor::name)
                .containsExactly("usage", "sla", "forecast", "demand", "payment");
        assertThat(factor(all.get(0), "sla")).isEqualTo(0.75);
        assertThat(factor(all.get(0), "usage")).isZero();
    }

    @Test
    void usageAndForecastAreMeasuredAgainstTheFleet() {
        List<FactorAssembler.ClientInputs> inputs = new java.util.ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            inputs.add(new FactorAssembler.ClientInputs(new Client("c" + n, "C", SlaTier.SILVER), usage(n, 2 * n),
                    List.of(), List.of()));
        }

        List<ClientFactors> all = FactorAssembler.assemble(inputs, PARAMS, NOW);

        assertThat(factor(all.get(0), "usage")).isLessThan(factor(all.get(9), "usage"));
        assertThat(factor(all.get(19), "usage")).isEqualTo(1.0);
        assertThat(factor(all.get(18), "forecast")).isEqualTo(1.0);
        assertThat(factor(all.get(4), "forecast")).isBetween(0.2, 0.3);
    }

    @Test
    void anInvoiceLongOverdueShowsInOverdueDaysAndThePaymentFactor() {
        Payment late = new Payment("a", "inv-1", new BigDecimal("100"), "EUR", NOW.minus(Duration.ofDays(45)), null);

        ClientFactors f = FactorAssembler.assemble(List.of(new FactorAssembler.ClientInputs(
                new Client("a", "A", SlaTier.GOLD), null, List.of(late), List.of())), PARAMS, NOW).get(0);

        assertThat(f.oldestOverdueDays()).isEqualTo(45);
        assertThat(factor(f, "payment")).isLessThan(0.5);
    }
}

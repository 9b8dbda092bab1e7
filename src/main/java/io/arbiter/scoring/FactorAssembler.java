package io.arbiter.scoring;

import io.arbiter.domain.Client;
import io.arbiter.domain.ClientFactors;
import io.arbiter.domain.DemandSignal;
import io.arbiter.domain.Factor;
import io.arbiter.domain.Payment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds every client's five CVS factors — {@code usage}, {@code sla}, {@code forecast},
 * {@code demand}, {@code payment} — from what is known of it, normalising usage and forecast
 * against the fleet (the clients assembled together):
 * <ul>
 *   <li>{@code usage}: the mean of decayed CPU, memory and network use, each as a share of the
 *       fleet's 95th percentile; raw is the decayed CPU in cores;</li>
 *   <li>{@code forecast}: the mean of projected CPU and memory, each as a share of the fleet's 95th
 *       percentile of projections; raw is the projected CPU in cores;</li>
 *   <li>{@code sla}, {@code demand}, {@code payment}: as {@link SlaTiers}, {@link DemandSignals}
 *       and {@link PaymentHistory} say.</li>
 * </ul>
 * A client with no usage yet reads 0 for usage and forecast.
 */
public final class FactorAssembler {

    /** The fleet percentile usage and forecast are measured against. */
    public static final double FLEET_SHARE = 0.95;

    /** What is known of one client. {@code usage} is null before its first sample. */
    public record ClientInputs(Client client, UsageSummary usage, List<Payment> payments, List<DemandSignal> demand) {
    }

    /** The policy's parameters of the factors. */
    public record Parameters(SlaTiers tiers, DemandSignals demand, PaymentHistory payments) {
    }

    private FactorAssembler() {
    }

    /** The factors of every client in {@code clients}, as of {@code now}. */
    public static List<ClientFactors> assemble(List<ClientInputs> clients, Parameters params, Instant now) {
        double[] cpu = new double[clients.size()];
        double[] memory = new double[clients.size()];
        double[] network = new double[clients.size()];
        double[] projectedCpu = new double[clients.size()];
        double[] projectedMemory = new double[clients.size()];
        for (int i = 0; i < clients.size(); i++) {
            UsageSummary u = clients.get(i).usage();
            if (u != null) {
                cpu[i] = u.decayedCpu();
                memory[i] = u.decayedMemoryGiB();
                network[i] = u.decayedNetworkMbps();
                projectedCpu[i] = u.projection().cpu();
                projectedMemory[i] = u.projection().memoryGiB();
            }
        }
        FleetReference usageRef = new FleetReference(FleetReference.percentile(cpu, FLEET_SHARE),
                FleetReference.percentile(memory, FLEET_SHARE), FleetReference.percentile(network, FLEET_SHARE));
        double cpuRef = FleetReference.percentile(projectedCpu, FLEET_SHARE);
        double memoryRef = FleetReference.percentile(projectedMemory, FLEET_SHARE);

        List<ClientFactors> result = new ArrayList<>(clients.size());
        for (int i = 0; i < clients.size(); i++) {
            ClientInputs in = clients.get(i);
            PaymentAssessment payment = params.payments().assess(in.payments(), now);
            Factor usage = new Factor("usage", cpu[i], mean(Normalization.share(cpu[i], usageRef.cpu()),
                    Normalization.share(memory[i], usageRef.memoryGiB()),
                    Normalization.share(network[i], usageRef.networkMbps())));
            Factor forecast = new Factor("forecast", projectedCpu[i], mean(
                    Normalization.share(projectedCpu[i], cpuRef), Normalization.share(projectedMemory[i], memoryRef)));
            result.add(new ClientFactors(in.client().clientId(), in.client().slaTier(), List.of(usage,
                    params.tiers().factor(in.client().slaTier().wire()), forecast,
                    params.demand().factor(in.demand(), now), payment.toFactor()), payment.oldestOverdue().toDays()));
        }
        return result;
    }

    private static double mean(double... values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}

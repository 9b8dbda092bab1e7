package io.arbiter.scoring;

import io.arbiter.domain.Factor;
import java.time.Instant;
import java.util.List;

/**
 * Turns a client's usage and projected need into CVS factors in [0, 1] against a
 * {@link FleetReference}. The package documentation lists every normalisation.
 */
public final class Normalization {

    private Normalization() {
    }

    /**
     * {@code value / reference} clamped to [0, 1]: 0 for no use; 1 for any use when the reference
     * is 0 (the client uses more than the fleet's reference).
     */
    public static double share(double value, double reference) {
        if (!(value > 0)) {
            return 0;
        }
        return reference > 0 ? Checks.clamp01(value / reference) : 1;
    }

    /**
     * The usage factors {@code usage.cpu}, {@code usage.memory} and {@code usage.network}: raw is the
     * client's decayed usage at {@code now} as a rate, normalised against the fleet reference.
     */
    public static List<Factor> usage(DecayedUsage client, FleetReference fleet, Instant now) {
        DecayedUsage u = client.decayedTo(now);
        return List.of(factor("usage.cpu", u.cpuCores(), fleet.cpu()),
                factor("usage.memory", u.memoryGiB(), fleet.memoryGiB()),
                factor("usage.network", u.networkMbps(), fleet.networkMbps()));
    }

    /**
     * The forecast factors {@code forecast.cpu} and {@code forecast.memory}: raw is the projected
     * need, normalised against the fleet reference of projected needs.
     */
    public static List<Factor> forecast(Projection projection, FleetReference fleet) {
        return List.of(factor("forecast.cpu", projection.cpu(), fleet.cpu()),
                factor("forecast.memory", projection.memoryGiB(), fleet.memoryGiB()));
    }

    private static Factor factor(String name, double raw, double reference) {
        return new Factor(name, raw, share(raw, reference));
    }
}

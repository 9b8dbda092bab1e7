package io.arbiter.scoring;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.ToDoubleFunction;

/**
 * What "a lot" means across the fleet: a high percentile (by default the 95th) of the clients'
 * values, per resource. A client's value is normalised against it by
 * {@link Normalization#share(double, double)}, so the top 5 % of clients read 1.
 *
 * <p>The percentile is the nearest-rank one: the smallest value with at least {@code share} of the
 * values at or below it.
 *
 * @param cpu the reference CPU, in cores
 * @param memoryGiB the reference memory, in GiB
 * @param networkMbps the reference network, in megabits per second
 */
public record FleetReference(double cpu, double memoryGiB, double networkMbps) {

    /** The default percentile: the 95th. */
    public static final double DEFAULT_SHARE = 0.95;

    /** Validates the values. */
    public FleetReference {
        Checks.requireUsage(cpu, memoryGiB, networkMbps);
    }

    /** The percentile of the clients' decayed usage, each decayed to {@code now} and read as a rate. */
    public static FleetReference ofUsage(Collection<DecayedUsage> usages, Instant now, double share) {
        Collection<DecayedUsage> atNow = usages.stream().map(u -> u.decayedTo(now)).toList();
        return new FleetReference(percentile(atNow, DecayedUsage::cpuCores, share),
                percentile(atNow, DecayedUsage::memoryGiB, share), percentile(atNow, DecayedUsage::networkMbps, share));
    }

    /** The percentile of the clients' projected needs; network is 0, as projections have none. */
    public static FleetReference ofProjections(Collection<Projection> projections, double share) {
        return new FleetReference(percentile(projections, Projection::cpu, share),
                percentile(projections, Projection::memoryGiB, share), 0);
    }

    /** The nearest-rank percentile of {@code values}; 0 when there are none. */
    public static double percentile(double[] values, double share) {
        Checks.requireShare(share, "share");
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(share * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static <T> double percentile(Collection<T> items, ToDoubleFunction<T> value, double share) {
        return percentile(items.stream().mapToDouble(value).toArray(), share);
    }
}

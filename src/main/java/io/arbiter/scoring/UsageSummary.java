package io.arbiter.scoring;

/**
 * A client's usage at one instant, in a few numbers: what scoring and the platform forecast need.
 *
 * @param decayedCpu decayed CPU use as a steady rate, cores
 * @param decayedMemoryGiB decayed memory use, GiB
 * @param decayedNetworkMbps decayed network use, Mbit/s
 * @param currentCpu the total of its instances' latest samples, cores
 * @param currentMemoryGiB likewise, GiB
 * @param currentNetworkMbps likewise, Mbit/s
 * @param projection the projected need over the horizon
 */
public record UsageSummary(double decayedCpu, double decayedMemoryGiB, double decayedNetworkMbps, double currentCpu,
                           double currentMemoryGiB, double currentNetworkMbps, Projection projection) {
}

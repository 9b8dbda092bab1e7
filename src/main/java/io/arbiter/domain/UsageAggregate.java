package io.arbiter.domain;

import java.time.Instant;

/**
 * What is known of one instance's measured use: how many samples, the latest one, and running
 * sums. Samples may arrive out of order; the latest is the one with the greatest time.
 *
 * @param latest the sample with the greatest time, or null before the first
 */
public record UsageAggregate(long samples, UsageSample latest, double cpuSum, double memoryGiBSum,
                             double networkMbpsSum) {

    /** The aggregate of no samples. */
    public static UsageAggregate empty() {
        return new UsageAggregate(0, null, 0, 0, 0);
    }

    /** This aggregate with {@code sample} added. */
    public UsageAggregate plus(UsageSample sample) {
        UsageSample newest = latest == null || !sample.time().isBefore(latest.time()) ? sample : latest;
        return new UsageAggregate(samples + 1, newest, cpuSum + sample.cpu(), memoryGiBSum + sample.memoryGiB(),
                networkMbpsSum + sample.networkMbps());
    }

    /** When the latest sample was taken, or null before the first. */
    public Instant latestTime() {
        return latest == null ? null : latest.time();
    }

    /** Mean CPU over all samples, zero before the first. */
    public double meanCpu() {
        return samples == 0 ? 0 : cpuSum / samples;
    }
}

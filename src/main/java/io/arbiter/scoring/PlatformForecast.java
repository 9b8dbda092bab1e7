package io.arbiter.scoring;

import io.arbiter.domain.Resources;

import java.time.Duration;
import java.util.List;

/**
 * A platform's projected demand over the horizon against its capacity. Each running instance is
 * projected from its latest usage grown by its client's projection (projected need over current
 * use, never below 1); an instance with no usage yet counts with what it was allocated.
 *
 * @param projected the platform's projected demand
 * @param cpuShare projected CPU over capacity
 * @param memoryShare projected memory over capacity
 * @param threshold the share of capacity above which contention is predicted
 */
public record PlatformForecast(String platformId, Duration horizon, Resources capacity, Resources projected,
                               double cpuShare, double memoryShare, double threshold, int instances) {

    /** One running instance as the forecast sees it. */
    public record InstanceOutlook(Resources allocated, double latestCpu, double latestMemoryGiB, boolean hasUsage,
                                  double cpuGrowth, double memoryGrowth) {
    }

    /** True when the projection exceeds the threshold in CPU or memory. */
    public boolean contentionPredicted() {
        return cpuShare > threshold || memoryShare > threshold;
    }

    /** Projects {@code platformId}'s running instances over {@code horizon}. */
    public static PlatformForecast project(String platformId, Resources capacity, Duration horizon,
                                           List<InstanceOutlook> instances, double threshold) {
        double cpu = 0;
        double memory = 0;
        for (InstanceOutlook i : instances) {
            if (i.hasUsage()) {
                cpu += i.latestCpu() * Math.max(1, i.cpuGrowth());
                memory += i.latestMemoryGiB() * Math.max(1, i.memoryGrowth());
            } else {
                cpu += i.allocated().cpu();
                memory += i.allocated().memoryGiB();
            }
        }
        return new PlatformForecast(platformId, horizon, capacity, new Resources(cpu, memory),
                share(cpu, capacity.cpu()), share(memory, capacity.memoryGiB()), threshold, instances.size());
    }

    /** How much a client's projection exceeds its current use, per resource (1 when it does not, or no use). */
    public static double[] growth(UsageSummary client) {
        if (client == null) {
            return new double[]{1, 1};
        }
        return new double[]{ratio(client.projection().cpu(), client.currentCpu()),
                ratio(client.projection().memoryGiB(), client.currentMemoryGiB())};
    }

    private static double ratio(double projected, double current) {
        return current > 0 ? Math.max(1, projected / current) : 1;
    }

    private static double share(double value, double capacity) {
        return capacity > 0 ? value / capacity : (value > 0 ? Double.POSITIVE_INFINITY : 0);
    }
}

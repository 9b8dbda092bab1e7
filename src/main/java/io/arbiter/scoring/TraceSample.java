package io.arbiter.scoring;

import java.time.Instant;

/**
 * One row of a Bitbrains (GWA-T-12) VM trace, in Arbiter's units.
 *
 * @param time when the sample was taken
 * @param cores the VM's CPU cores
 * @param cpuCapacityMHz CPU capacity provisioned, in MHz (all cores together)
 * @param cpuUsageMHz CPU in use, in MHz
 * @param memoryCapacityGiB memory provisioned, in GiB
 * @param memoryGiB memory in use, in GiB
 * @param networkMbps network received plus transmitted, in megabits per second
 */
public record TraceSample(Instant time, int cores, double cpuCapacityMHz, double cpuUsageMHz,
                          double memoryCapacityGiB, double memoryGiB, double networkMbps) {

    /**
     * CPU in use, in cores: usage in MHz divided by the MHz of one core (capacity over cores);
     * 0 when the row gives no capacity or no cores.
     */
    public double cpu() {
        return cores > 0 && cpuCapacityMHz > 0 ? cpuUsageMHz * cores / cpuCapacityMHz : 0;
    }
}

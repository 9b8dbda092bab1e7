package io.arbiter.scoring;

/**
 * What a {@link UsageHistory} remembers of one period: how many samples fell in it, and their mean
 * and peak for each resource.
 *
 * @param startEpochSecond when the period starts, in epoch seconds
 * @param seconds the period's length: 300 in the last day, 3600 before
 * @param count how many samples fell in the period
 * @param cpuMean mean CPU use, in cores
 * @param cpuPeak highest CPU sample, in cores
 * @param memoryMean mean memory use, in GiB
 * @param memoryPeak highest memory sample, in GiB
 * @param networkMean mean network use, in megabits per second
 * @param networkPeak highest network sample, in megabits per second
 */
public record UsageSlot(long startEpochSecond, int seconds, int count, double cpuMean, double cpuPeak,
                        double memoryMean, double memoryPeak, double networkMean, double networkPeak) {

    /** When the period ends (exclusive), in epoch seconds. */
    public long endEpochSecond() {
        return startEpochSecond + seconds;
    }
}

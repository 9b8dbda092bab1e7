package io.arbiter.scoring;

import java.time.Instant;

/**
 * One usage sample as a {@link UsageHistory} keeps it (to the second, in single precision).
 *
 * @param time when it was taken
 * @param cpu CPU in use, in cores
 * @param memoryGiB memory in use, in GiB
 * @param networkMbps network in use, in megabits per second
 */
public record UsageReading(Instant time, double cpu, double memoryGiB, double networkMbps) {
}

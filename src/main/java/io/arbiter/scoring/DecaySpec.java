package io.arbiter.scoring;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast past usage fades, per resource, and the longest stretch of time one sample may stand for.
 *
 * <p>After one half-life a sample keeps half of its weight, after two a quarter, and so on.
 * {@link #slurm()} is the Slurm fair-share default (7 days for everything); {@link #autopilot()}
 * follows Google's Autopilot (12 h for CPU, 48 h for memory; network follows CPU).
 *
 * @param cpuHalfLife half-life of CPU usage
 * @param memoryHalfLife half-life of memory usage
 * @param networkHalfLife half-life of network usage
 * @param maxGap the longest time one sample is credited for; a longer silence counts as no usage
 */
public record DecaySpec(Duration cpuHalfLife, Duration memoryHalfLife, Duration networkHalfLife, Duration maxGap) {

    /** The default {@link #maxGap}: three missed five-minute samples. */
    public static final Duration DEFAULT_MAX_GAP = Duration.ofMinutes(15);

    /** Validates that every duration is present and positive. */
    public DecaySpec {
        requirePositive(cpuHalfLife, "cpuHalfLife");
        requirePositive(memoryHalfLife, "memoryHalfLife");
        requirePositive(networkHalfLife, "networkHalfLife");
        requirePositive(maxGap, "maxGap");
    }

    /** One half-life for all resources, with the default maximum gap. */
    public static DecaySpec uniform(Duration halfLife) {
        return new DecaySpec(halfLife, halfLife, halfLife, DEFAULT_MAX_GAP);
    }

    /** Slurm's default: a 7-day half-life for every resource. */
    public static DecaySpec slurm() {
        return uniform(Duration.ofDays(7));
    }

    /** Autopilot's half-lives: 12 h for CPU (and network), 48 h for memory. */
    public static DecaySpec autopilot() {
        return new DecaySpec(Duration.ofHours(12), Duration.ofHours(48), Duration.ofHours(12), DEFAULT_MAX_GAP);
    }

    /** The factor by which a weight shrinks over {@code seconds}, for a half-life of {@code halfLifeSeconds}. */
    static double decay(double seconds, double halfLifeSeconds) {
        return Math.pow(0.5, seconds / halfLifeSeconds);
    }

    double cpuHalfLifeSeconds() {
        return seconds(cpuHalfLife);
    }

    double memoryHalfLifeSeconds() {
        return seconds(memoryHalfLife);
    }

    double networkHalfLifeSeconds() {
        return seconds(networkHalfLife);
    }

    long maxGapMillis() {
        return maxGap.toMillis();
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}

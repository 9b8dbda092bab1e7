package io.arbiter.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Usage of one series (an instance, or a client's total) accumulated with exponential decay, as
 * Slurm accumulates fair-share usage: each sample adds its usage times the time it stands for, and
 * everything fades with the half-lives of its {@link DecaySpec}.
 *
 * <p>A sample stands for the time since the previous sample of the same series, at most
 * {@link DecaySpec#maxGap()}; the first sample of a series only marks the start. Samples that are
 * not newer than the last one (late or repeated) are ignored. The readouts ({@link #cpuCores()} and
 * the like) turn the decayed integral back into a rate: a series that has used {@code c} cores for
 * much longer than the half-life reads {@code c}; one that stopped fades towards 0.
 *
 * <p>The value is immutable and small (a few numbers), so the grid can store it as it is or as
 * {@link #toArray()}. {@link #merge} adds two series (instances into their client, or partial
 * aggregates kept by different members). Adding costs a few arithmetic operations and one small
 * object, no collections.
 *
 * @param spec the half-lives and the longest gap one sample may cover
 * @param referenceMillis the time the sums are decayed to, in epoch milliseconds
 * @param lastSampleMillis the time of the newest sample, in epoch milliseconds ({@link #NONE} if none)
 * @param cpuCoreSeconds decayed CPU use, in core-seconds
 * @param memoryGiBSeconds decayed memory use, in GiB-seconds
 * @param networkMegabits decayed network use, in megabits
 */
public record DecayedUsage(DecaySpec spec, long referenceMillis, long lastSampleMillis,
                           double cpuCoreSeconds, double memoryGiBSeconds, double networkMegabits) {

    /** Marks "no time yet" in {@link #referenceMillis} and {@link #lastSampleMillis}. */
    public static final long NONE = Long.MIN_VALUE;

    private static final double LN2 = Math.log(2);
    private static final int ARRAY_LENGTH = 9;

    /** Validates the spec. */
    public DecayedUsage {
        Objects.requireNonNull(spec, "spec");
    }

    /** No usage yet. */
    public static DecayedUsage empty(DecaySpec spec) {
        return new DecayedUsage(spec, NONE, NONE, 0, 0, 0);
    }

    /** Whether no sample has been added yet. */
    public boolean isEmpty() {
        return lastSampleMillis == NONE;
    }

    /**
     * This usage plus one sample: the measured use over the time since the series' previous sample.
     *
     * @param time when the sample was taken
     * @param cpu CPU in use, in cores
     * @param memoryGiB memory in use, in GiB
     * @param networkMbps network in use, in megabits per second
     * @return the new value; this one if the sample is not newer than the last sample
     * @throws IllegalArgumentException if a usage is negative or not finite
     */
    public DecayedUsage add(Instant time, double cpu, double memoryGiB, double networkMbps) {
        Checks.requireUsage(cpu, memoryGiB, networkMbps);
        long t = time.toEpochMilli();
        if (isEmpty()) {
            return new DecayedUsage(spec, Math.max(referenceMillis, t), t, 0, 0, 0);
        }
        if (t <= lastSampleMillis) {
            return this;
        }
        double seconds = Math.min(t - lastSampleMillis, spec.maxGapMillis()) / 1000.0;
        long reference = Math.max(referenceMillis, t);
        double sampleAge = (reference - t) / 1000.0;
        DecayedUsage base = decayedTo(reference);
        return new DecayedUsage(spec, reference, t,
                base.cpuCoreSeconds + cpu * seconds * DecaySpec.decay(sampleAge, spec.cpuHalfLifeSeconds()),
                base.memoryGiBSeconds + memoryGiB * seconds * DecaySpec.decay(sampleAge, spec.memoryHalfLifeSeconds()),
                base.networkMegabits + networkMbps * seconds * DecaySpec.decay(sampleAge, spec.networkHalfLifeSeconds()));
    }

    /** This usage as seen at {@code now}; a {@code now} before the reference time leaves it unchanged. */
    public DecayedUsage decayedTo(Instant now) {
        return decayedTo(now.toEpochMilli());
    }

    private DecayedUsage decayedTo(long nowMillis) {
        if (referenceMillis == NONE || nowMillis <= referenceMillis) {
            return referenceMillis == NONE ? new DecayedUsage(spec, nowMillis, lastSampleMillis, 0, 0, 0) : this;
        }
        double age = (nowMillis - referenceMillis) / 1000.0;
        return new DecayedUsage(spec, nowMillis, lastSampleMillis,
                cpuCoreSeconds * DecaySpec.decay(age, spec.cpuHalfLifeSeconds()),
                memoryGiBSeconds * DecaySpec.decay(age, spec.memoryHalfLifeSeconds()),
                networkMegabits * DecaySpec.decay(age, spec.networkHalfLifeSeconds()));
    }

    /**
     * The usage of two series together, decayed to the later of their reference times.
     *
     * @throws IllegalArgumentException if the two were kept with different specs
     */
    public DecayedUsage merge(DecayedUsage other) {
        if (!spec.equals(other.spec)) {
            throw new IllegalArgumentException("cannot merge usage kept with " + spec + " and " + other.spec);
        }
        long reference = Math.max(referenceMillis, other.referenceMillis);
        if (reference == NONE) {
            return this;
        }
        DecayedUsage a = decayedTo(reference);
        DecayedUsage b = other.decayedTo(reference);
        return new DecayedUsage(spec, reference, Math.max(lastSampleMillis, other.lastSampleMillis),
                a.cpuCoreSeconds + b.cpuCoreSeconds, a.memoryGiBSeconds + b.memoryGiBSeconds,
                a.networkMegabits + b.networkMegabits);
    }

    /** Decayed CPU use as an equivalent steady rate, in cores, at the reference time. */
    public double cpuCores() {
        return cpuCoreSeconds * LN2 / spec.cpuHalfLifeSeconds();
    }

    /** Decayed memory use as an equivalent steady amount, in GiB, at the reference time. */
    public double memoryGiB() {
        return memoryGiBSeconds * LN2 / spec.memoryHalfLifeSeconds();
    }

    /** Decayed network use as an equivalent steady rate, in megabits per second, at the reference time. */
    public double networkMbps() {
        return networkMegabits * LN2 / spec.networkHalfLifeSeconds();
    }

    /**
     * The whole state as nine numbers: the spec's four durations in seconds, the reference and last
     * sample times in epoch milliseconds, and the three sums. {@link #fromArray} reads it back.
     */
    public double[] toArray() {
        return new double[] {
            DecaySpec.seconds(spec.cpuHalfLife()), DecaySpec.seconds(spec.memoryHalfLife()),
            DecaySpec.seconds(spec.networkHalfLife()), DecaySpec.seconds(spec.maxGap()),
            referenceMillis, lastSampleMillis, cpuCoreSeconds, memoryGiBSeconds, networkMegabits};
    }

    /** Reads back what {@link #toArray()} wrote. */
    public static DecayedUsage fromArray(double[] state) {
        if (state.length != ARRAY_LENGTH) {
            throw new IllegalArgumentException("expected " + ARRAY_LENGTH + " numbers, got " + state.length);
        }
        DecaySpec spec = new DecaySpec(duration(state[0]), duration(state[1]), duration(state[2]), duration(state[3]));
        return new DecayedUsage(spec, (long) state[4], (long) state[5], state[6], state[7], state[8]);
    }

    private static Duration duration(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}

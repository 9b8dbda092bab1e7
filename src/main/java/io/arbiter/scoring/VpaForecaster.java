package io.arbiter.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The Kubernetes Vertical Pod Autoscaler recommender's target, as a baseline: a percentile of a
 * decaying histogram with exponential buckets, plus a safety margin.
 *
 * <p>Each history slot is one sample weighted by its sample count and by
 * {@code 0.5^(age / halfLife)}, the age taken at the slot's middle. As in VPA, CPU samples are usage
 * rates (the slot means) and memory samples are peaks (the slot peaks). Buckets follow VPA's: CPU
 * from 0.01 core growing 5 % each up to 1000 cores; memory from 10^7 bytes growing 5 % each up to
 * 10^12 bytes. The target is the end of the bucket that holds the percentile, times
 * {@code 1 + margin}. VPA ignores the horizon, and so does this.
 *
 * @param halfLife how fast old samples lose weight (VPA: 24 h)
 * @param percentile which percentile to take (VPA's target: 0.9)
 * @param margin the safety margin added on top (VPA: 0.15)
 */
public record VpaForecaster(Duration halfLife, double percentile, double margin) implements Forecaster {

    private static final double GROWTH = 1.05;
    private static final double BYTES_PER_GIB = 1024.0 * 1024 * 1024;

    /** Validates the parameters. */
    public VpaForecaster {
        Objects.requireNonNull(halfLife, "halfLife");
        Checks.requireShare(percentile, "percentile");
        Checks.requireNonNegative(margin, "margin");
    }

    /** VPA's defaults: 24 h half-life, 90th percentile, 15 % margin. */
    public static VpaForecaster standard() {
        return new VpaForecaster(Duration.ofHours(24), 0.9, 0.15);
    }

    @Override
    public String name() {
        return "vpa";
    }

    @Override
    public Projection project(UsageHistory history, Instant now, Duration horizon) {
        DecayingHistogram cpu = new DecayingHistogram(1000, 0.01, GROWTH);
        DecayingHistogram memory = new DecayingHistogram(1e12 / BYTES_PER_GIB, 1e7 / BYTES_PER_GIB, GROWTH);
        double halfLifeSeconds = DecaySpec.seconds(halfLife);
        long nowSecond = now.getEpochSecond();
        for (UsageSlot slot : history.window(now)) {
            double age = Math.max(0, nowSecond - (slot.startEpochSecond() + slot.seconds() / 2.0));
            double weight = slot.count() * DecaySpec.decay(age, halfLifeSeconds);
            cpu.add(slot.cpuMean(), weight);
            memory.add(slot.memoryPeak(), weight);
        }
        return new Projection(name(), now, horizon,
                cpu.percentile(percentile) * (1 + margin), memory.percentile(percentile) * (1 + margin));
    }
}

package io.arbiter.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The forecaster Arbiter ships: the need over the horizon is at least the recent peak with a margin,
 * and at least a peak that recurs at this time of day.
 *
 * <pre>
 *   recent   = (1 + margin) * peak(now - lookback, now)
 *   seasonal = the rank-th highest of peak(now - d days, now - d days + horizon), d = 1 .. days
 *   need     = max(recent, seasonal)
 * </pre>
 *
 * where {@code peak(a, b)} is the highest sample of the history slots that overlap {@code [a, b)}
 * (five-minute slots in the last day, hourly before). With the defaults — one hour, 15 %, seven
 * days, rank two — a spike that came at this hour on at least two of the last seven days is
 * expected again, a one-off is not. Days with no samples do not count; with fewer than
 * {@code rank} days there is no seasonal term. When no slot falls in the lookback, the newest slot's
 * peak stands for the recent peak.
 *
 * <p>Chosen by measurement on the Bitbrains traces (see {@code bench/README.md}): against the VPA
 * baseline it leaves less slack at a lower under-provision rate, for CPU and for memory.
 *
 * @param lookback how far back the recent peak looks
 * @param margin the share added on top of the recent peak
 * @param days how many past days the seasonal term looks at; 0 for none
 * @param rank which highest of those days' peaks counts (1 = the highest)
 */
public record SeasonalPeakForecaster(Duration lookback, double margin, int days, int rank) implements Forecaster {

    private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

    /** Validates the parameters. */
    public SeasonalPeakForecaster {
        Objects.requireNonNull(lookback, "lookback");
        if (lookback.toSeconds() <= 0) {
            throw new IllegalArgumentException("lookback must be at least a second, was " + lookback);
        }
        Checks.requireNonNegative(margin, "margin");
        if (days < 0 || days * DAY_SECONDS > UsageHistory.SPAN.toSeconds() || rank < 1) {
            throw new IllegalArgumentException("need 0 <= days <= 14 and rank >= 1, got days " + days + ", rank " + rank);
        }
    }

    /** The shipped parameters: one hour, 15 %, seven days, rank two. */
    public static SeasonalPeakForecaster standard() {
        return new SeasonalPeakForecaster(Duration.ofHours(1), 0.15, 7, 2);
    }

    @Override
    public String name() {
        return "seasonal-peak";
    }

    @Override
    public Projection project(UsageHistory history, Instant now, Duration horizon) {
        List<UsageSlot> window = history.window(now);
        long t = now.getEpochSecond();
        long h = Math.max(1, horizon.toSeconds());
        return new Projection(name(), now, horizon,
                need(window, t, h, UsageSlot::cpuPeak), need(window, t, h, UsageSlot::memoryPeak));
    }

    private double need(List<UsageSlot> window, long now, long horizon, ToDoubleFunction<UsageSlot> peak) {
        double recent = Double.NaN;
        double newest = 0;
        double[] daily = new double[days];
        Arrays.fill(daily, Double.NaN);
        for (UsageSlot slot : window) {
            double value = peak.applyAsDouble(slot);
            newest = value;
            if (overlaps(slot, now - lookback.toSeconds(), now)) {
                recent = higher(recent, value);
            }
            for (int d = 1; d <= days; d++) {
                long from = now - d * DAY_SECONDS;
                if (overlaps(slot, from, Math.min(from + horizon, now))) {
                    daily[d - 1] = higher(daily[d - 1], value);
                }
            }
        }
        double base = Double.isNaN(recent) ? newest : recent;
        return Math.max(base * (1 + margin), rankedHighest(daily));
    }

    private double rankedHighest(double[] daily) {
        double[] seen = Arrays.stream(daily).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return seen.length < rank ? 0 : seen[seen.length - rank];
    }

    private static boolean overlaps(UsageSlot slot, long from, long to) {
        return slot.startEpochSecond() < to && slot.endEpochSecond() > from;
    }

    private static double higher(double current, double value) {
        return Double.isNaN(current) ? value : Math.max(current, value);
    }
}

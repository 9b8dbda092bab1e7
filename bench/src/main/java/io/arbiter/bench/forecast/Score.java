package io.arbiter.bench.forecast;

/**
 * How well one forecaster's projections covered one resource: the share of future samples above
 * the projection (under-provision rate), and over the samples at or below it the mean of
 * {@code (projection - actual) / projection} (mean slack; 0 when both are 0).
 */
final class Score {

    private long samples;
    private long under;
    private double slackSum;

    /** Scores one projection against one actual sample. */
    void add(double projection, double actual) {
        samples++;
        if (actual > projection) {
            under++;
        } else if (projection > 0) {
            slackSum += (projection - actual) / projection;
        }
    }

    long samples() {
        return samples;
    }

    /** Share of samples above the projection. */
    double underProvisionRate() {
        return samples == 0 ? Double.NaN : (double) under / samples;
    }

    /** Mean relative slack over the samples at or below the projection. */
    double meanSlack() {
        long covered = samples - under;
        return covered == 0 ? Double.NaN : slackSum / covered;
    }
}

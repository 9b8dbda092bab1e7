package io.arbiter.scoring;

/** Argument checks shared by the scoring types. */
final class Checks {

    private Checks() {
    }

    /** Rejects a negative, infinite or NaN usage. */
    static void requireUsage(double cpu, double memoryGiB, double networkMbps) {
        requireNonNegative(cpu, "cpu");
        requireNonNegative(memoryGiB, "memoryGiB");
        requireNonNegative(networkMbps, "networkMbps");
    }

    /** Rejects a negative, infinite or NaN number. */
    static double requireNonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
        }
        return value;
    }

    /** Rejects a number that is not finite. */
    static double requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, was " + value);
        }
        return value;
    }

    /** Rejects a share outside [0, 1]. */
    static double requireShare(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be within [0, 1], was " + value);
        }
        return value;
    }

    /** {@code value} limited to [0, 1]; NaN becomes 0. */
    static double clamp01(double value) {
        return value > 0 ? Math.min(1, value) : 0;
    }
}

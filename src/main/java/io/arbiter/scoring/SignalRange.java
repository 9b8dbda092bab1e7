package io.arbiter.scoring;

/**
 * The range a demand signal's values are expected in, given by the policy: {@code min} maps to 0,
 * {@code max} to 1, values between linearly, values outside are clamped.
 *
 * @param min the value that means no demand
 * @param max the value that means full demand; above {@code min}
 */
public record SignalRange(double min, double max) {

    /** Validates that {@code min < max}, both finite. */
    public SignalRange {
        Checks.requireFinite(min, "min");
        Checks.requireFinite(max, "max");
        if (!(min < max)) {
            throw new IllegalArgumentException("min must be below max, got [" + min + ", " + max + "]");
        }
    }

    /** {@code (value - min) / (max - min)}, clamped to [0, 1]. */
    public double normalize(double value) {
        return Checks.clamp01((value - min) / (max - min));
    }
}

package io.arbiter.domain;

/** An amount of compute: {@code cpu} in cores and {@code memoryGiB} in GiB, both non-negative. */
public record Resources(double cpu, double memoryGiB) {

    /** No resources at all. */
    public static final Resources ZERO = new Resources(0, 0);

    public Resources {
        if (!(cpu >= 0) || !(memoryGiB >= 0) || Double.isInfinite(cpu) || Double.isInfinite(memoryGiB)) {
            throw new IllegalArgumentException("resources must be finite and non-negative: " + cpu + ", " + memoryGiB);
        }
    }

    /** The sum of this and {@code other}. */
    public Resources plus(Resources other) {
        return new Resources(cpu + other.cpu, memoryGiB + other.memoryGiB);
    }

    /** This less {@code other}, never below zero in either dimension. */
    public Resources minusClamped(Resources other) {
        return new Resources(Math.max(0, cpu - other.cpu), Math.max(0, memoryGiB - other.memoryGiB));
    }

    /** True when this covers {@code other} in both dimensions. */
    public boolean covers(Resources other) {
        return cpu >= other.cpu && memoryGiB >= other.memoryGiB;
    }

    /** True when both dimensions are zero. */
    public boolean isZero() {
        return cpu == 0 && memoryGiB == 0;
    }
}

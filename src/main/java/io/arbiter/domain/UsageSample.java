package io.arbiter.domain;

import java.time.Instant;
import java.util.Objects;

/** Measured use of one instance over a sample period: cores, GiB and megabits per second. */
public record UsageSample(String instanceId, Instant time, double cpu, double memoryGiB, double networkMbps) {

    public UsageSample {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(time, "time");
    }
}

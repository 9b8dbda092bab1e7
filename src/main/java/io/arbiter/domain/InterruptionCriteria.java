package io.arbiter.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The interruption policy's parameters, as arbitration applies them.
 *
 * @param threshold only instances of clients whose CVS is below it are candidates
 * @param minimumRunTime instances younger than this are spared
 * @param maxInterruptions a client's disruption budget: most interruptions in {@code budgetWindow}
 */
public record InterruptionCriteria(double threshold, Duration minimumRunTime, int maxInterruptions,
                                   Duration budgetWindow) {

    public InterruptionCriteria {
        Objects.requireNonNull(minimumRunTime, "minimumRunTime");
        Objects.requireNonNull(budgetWindow, "budgetWindow");
    }
}

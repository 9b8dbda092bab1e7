package io.arbiter.policy;

import io.arbiter.domain.SlaTier;

/**
 * The facts of {@code rules/interruption.drl}: a {@link ClientValue} per client goes in (with the
 * policy's sections); rules derive {@link Candidate} (its interruptible instances may be
 * interrupted) and {@link Spared} (they may not, with the reason). Spared wins over Candidate.
 */
public final class InterruptionFacts {

    private InterruptionFacts() {
    }

    /** A client's value, as the interruption rules see it. */
    public record ClientValue(String clientId, SlaTier slaTier, double cvs) {
    }

    /** The client's interruptible instances may be interrupted. */
    public record Candidate(String clientId) {
    }

    /** The client's instances are not to be interrupted, because of {@code reason}. */
    public record Spared(String clientId, String reason) {
    }
}

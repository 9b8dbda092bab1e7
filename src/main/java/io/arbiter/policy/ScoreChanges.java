package io.arbiter.policy;

import io.arbiter.domain.ClientScore;

/**
 * The epsilon rule, as pure functions: a new score whose CVS differs from the one in force by less
 * than the policy's {@code score.epsilon} is not a change, so nothing is written or announced.
 *
 * <p>When it is not a change, the score in force is kept <em>whole</em> — CVS, explanation, rule
 * revision, policy version and {@code computedAt} — so that the explanation always adds up to the
 * CVS shown and states which rules and policy produced it. A change of SLA tier or of the rules that
 * adjusted the score is always a change. Because the comparison is with the score in force, slow
 * drift still shows once it adds up to epsilon.
 */
public final class ScoreChanges {

    private ScoreChanges() {
    }

    /** True when {@code next} should replace {@code previous} (always, when there is no previous). */
    public static boolean isChange(ClientScore previous, ClientScore next, double epsilon) {
        return previous == null
                || Math.abs(next.cvs() - previous.cvs()) >= epsilon
                || previous.slaTier() != next.slaTier()
                || !previous.adjustments().equals(next.adjustments());
    }

    /** The score to keep in force: {@code next} when it is a change, otherwise {@code previous} itself. */
    public static ClientScore settle(ClientScore previous, ClientScore next, double epsilon) {
        return isChange(previous, next, epsilon) ? next : previous;
    }
}

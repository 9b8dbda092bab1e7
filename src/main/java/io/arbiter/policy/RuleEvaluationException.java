package io.arbiter.policy;

/**
 * Rules that compiled but failed while scoring: a consequence threw, a rule kept re-triggering
 * itself, or the rules did not derive what the scorer needs (a {@code WeightedScore} per client).
 */
public final class RuleEvaluationException extends RuntimeException {

    RuleEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }

    RuleEvaluationException(String message) {
        super(message);
    }
}

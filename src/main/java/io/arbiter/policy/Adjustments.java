package io.arbiter.policy;

import io.arbiter.policy.CvsFacts.ScoreAdjustment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the rules' {@link ScoreAdjustment}s to a weighted score: every boost first (in the order
 * the rules fired), then floors, then caps, so that a cap always holds; the result is clamped to
 * [0,1]. Names each rule whose adjustment changed the value.
 */
final class Adjustments {

    /** An adjustment and the name of the rule that inserted it. */
    record ByRule(String rule, ScoreAdjustment adjustment) {
    }

    /** The adjusted score and the rules that changed it, in the order they were applied. */
    record Outcome(double cvs, List<String> changedBy) {
    }

    private static final double UNCHANGED = 1e-12;

    private Adjustments() {
    }

    static Outcome apply(double weighted, List<ByRule> adjustments) {
        List<ByRule> ordered = new ArrayList<>(adjustments);
        ordered.sort(Comparator.comparing(a -> a.adjustment().kind()));
        double cvs = weighted;
        Set<String> changedBy = new LinkedHashSet<>();
        for (ByRule a : ordered) {
            double next = switch (a.adjustment().kind()) {
                case BOOST -> cvs + a.adjustment().value();
                case FLOOR -> Math.max(cvs, a.adjustment().value());
                case CAP -> Math.min(cvs, a.adjustment().value());
            };
            if (Math.abs(next - cvs) > UNCHANGED) {
                changedBy.add(a.rule());
            }
            cvs = next;
        }
        return new Outcome(Math.min(1, Math.max(0, cvs)), List.copyOf(changedBy));
    }
}

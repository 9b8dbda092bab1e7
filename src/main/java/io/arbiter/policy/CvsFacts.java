package io.arbiter.policy;

import io.arbiter.domain.SlaTier;

import java.util.Objects;

/**
 * The facts the CVS rules ({@code rules/cvs.drl}) work on. {@link CvsScorer} puts in one
 * {@link ScoringInput} per client, one {@link FactorValue} per factor of each client, one
 * {@link Weight} per factor, and the policy's sections ({@link Policy#sections()}); the rules derive
 * {@link Contribution}s, one {@link WeightedScore} per client and any {@link ScoreAdjustment}s.
 * Rules only insert facts; the scorer reads them after {@code fireAllRules()}.
 */
public final class CvsFacts {

    private CvsFacts() {
    }

    /**
     * One client to score.
     *
     * @param oldestOverdueDays whole days its oldest unpaid invoice is past due; 0 when none is
     */
    public record ScoringInput(String clientId, SlaTier slaTier, long oldestOverdueDays) {
        public ScoringInput {
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    /** One factor of one client: raw in the factor's own unit, normalized in [0,1]. */
    public record FactorValue(String clientId, String name, double raw, double normalized) {
    }

    /**
     * A factor's weight from the policy.
     *
     * @param share the weight over the sum of all weights: the part of the CVS this factor decides
     */
    public record Weight(String factor, double weight, double share) {
    }

    /**
     * What one factor adds to one client's weighted score.
     *
     * @param weight the share the factor counts with (its weight over the sum of weights)
     * @param value {@code weight × normalized}
     */
    public record Contribution(String clientId, String factor, double raw, double normalized, double weight,
                               double value) {
    }

    /** A client's weighted sum of factors, before caps and boosts. */
    public record WeightedScore(String clientId, double value) {
    }

    /**
     * A rule's change to a client's score. The scorer applies every boost first, then floors, then
     * caps (so a cap always holds), and clamps the result to [0,1]. The rule that inserted the
     * adjustment is named in the score's explanation when it changed the value.
     */
    public record ScoreAdjustment(String clientId, Kind kind, double value) {

        /** How an adjustment changes a score. */
        public enum Kind {
            /** Adds {@code value} (negative to lower the score). */
            BOOST,
            /** Raises the score to at least {@code value}. */
            FLOOR,
            /** Lowers the score to at most {@code value}. */
            CAP
        }

        public ScoreAdjustment {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(kind, "kind");
        }

        /** Lowers {@code clientId}'s score to at most {@code max}. */
        public static ScoreAdjustment cap(String clientId, double max) {
            return new ScoreAdjustment(clientId, Kind.CAP, max);
        }

        /** Raises {@code clientId}'s score to at least {@code min}. */
        public static ScoreAdjustment floor(String clientId, double min) {
            return new ScoreAdjustment(clientId, Kind.FLOOR, min);
        }

        /** Adds {@code delta} to {@code clientId}'s score. */
        public static ScoreAdjustment boost(String clientId, double delta) {
            return new ScoreAdjustment(clientId, Kind.BOOST, delta);
        }
    }
}

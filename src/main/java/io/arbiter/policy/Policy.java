package io.arbiter.policy;

import io.arbiter.domain.SlaTier;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The policy in force: CVS weights and the parameters the CVS, interruption, migration and penalty
 * rules read. {@code policies/default.yaml} documents every key and its default; {@link #DEFAULTS}
 * holds the same values. Build one from text with {@link PolicyLoader}, which validates it.
 *
 * <p>Every section is also put into each rule session as a fact of its own type (see
 * {@link #sections()}), so a rule may match {@code PaymentTerms($cap : overdueCap)} directly.
 */
public record Policy(Weights weights, Score score, UsageDecay usage, ForecastWindow forecast, Capacity capacity,
                     TierValues slaTiers, Demand demand, PaymentTerms payment, Interruption interruption,
                     Migration migration, Penalty penalty) {

    /** The built-in policy; {@code policies/default.yaml} spells out the same values. */
    public static final Policy DEFAULTS = new Policy(
            new Weights(0.25, 0.30, 0.10, 0.15, 0.20),
            new Score(0.01),
            new UsageDecay(Duration.ofHours(12)),
            new ForecastWindow(Duration.ofHours(1), 0.9),
            new Capacity(0.95),
            new TierValues(1.0, 0.75, 0.5, 0.25),
            new Demand(Map.of("requestRate", new Range(0, 10_000)), Demand.Combination.MAX),
            new PaymentTerms(30, 0.2, Duration.ofDays(90)),
            new Interruption(0.4, Duration.ofSeconds(30), Duration.ofMinutes(10),
                    new DisruptionBudget(3, Duration.ofHours(24))),
            new Migration(0.3, Duration.ofMinutes(5), Duration.ofMinutes(1), 2),
            new Penalty(new BigDecimal("500.00"), "EUR", 1, Duration.ofDays(30)));

    public Policy {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(forecast, "forecast");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(slaTiers, "slaTiers");
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(interruption, "interruption");
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(penalty, "penalty");
    }

    /** This policy and each of its sections, as the facts a rule session receives. */
    public List<Object> sections() {
        return List.of(this, weights, score, usage, forecast, capacity, slaTiers, demand, payment, interruption,
                migration, penalty);
    }

    /**
     * The CVS factor weights, each in [0,1]. They need not sum to 1: a factor counts with its
     * {@linkplain #share share} {@code weight / total}, so CVS = Σ weight·factor / Σ weight.
     */
    public record Weights(double usage, double sla, double forecast, double demand, double payment) {

        /** The factor names, in the order explanations list them. */
        public static final List<String> FACTORS = List.of("usage", "sla", "forecast", "demand", "payment");

        /** The weight of the factor called {@code factor}; 0 for a name that is not a factor. */
        public double of(String factor) {
            return switch (factor) {
                case "usage" -> usage;
                case "sla" -> sla;
                case "forecast" -> forecast;
                case "demand" -> demand;
                case "payment" -> payment;
                default -> 0;
            };
        }

        /** The sum of the weights; a valid policy has it above 0. */
        public double total() {
            return usage + sla + forecast + demand + payment;
        }

        /** The part of the CVS the factor called {@code factor} decides: its weight over the total. */
        public double share(String factor) {
            return of(factor) / total();
        }
    }

    /** @param epsilon a CVS that moves by less than this is not a change (no churn) */
    public record Score(double epsilon) {
    }

    /** @param halfLife after this long a usage sample counts half as much */
    public record UsageDecay(Duration halfLife) {
    }

    /**
     * @param horizon how far ahead forecasts look
     * @param contentionFraction the share of capacity above which a forecast predicts contention
     */
    public record ForecastWindow(Duration horizon, double contentionFraction) {
    }

    /** @param highWaterMark the share of a platform's capacity above which it is short of room */
    public record Capacity(double highWaterMark) {
    }

    /** The SLA factor's value for each tier, in [0,1]. */
    public record TierValues(double platinum, double gold, double silver, double bronze) {

        /** The value of {@code tier}. */
        public double valueOf(SlaTier tier) {
            return switch (tier) {
                case PLATINUM -> platinum;
                case GOLD -> gold;
                case SILVER -> silver;
                case BRONZE -> bronze;
            };
        }
    }

    /**
     * @param signals each demand signal's name and the range its values are normalised from
     * @param combination how the normalised signals in force combine into the demand factor
     */
    public record Demand(Map<String, Range> signals, Combination combination) {

        /** How several demand signals combine into one factor. */
        public enum Combination {
            /** The strongest signal. */
            MAX,
            /** The mean of the signals. */
            MEAN
        }

        public Demand {
            signals = Collections.unmodifiableSortedMap(new TreeMap<>(signals));
        }
    }

    /** A closed range of raw values, {@code min < max}, mapped onto [0,1]. */
    public record Range(double min, double max) {
    }

    /**
     * @param overdueCapDays an unpaid invoice overdue by more whole days than this caps the client's CVS
     * @param overdueCap the CVS such a client is capped at
     * @param halfLife how fast a paid invoice's weight in the payment factor fades, from its due date
     */
    public record PaymentTerms(long overdueCapDays, double overdueCap, Duration halfLife) {
    }

    /**
     * @param threshold only clients whose CVS is below it may be interrupted
     * @param gracePeriod how long a graceful shutdown may take before termination
     * @param minimumRunTime an instance younger than this is spared
     */
    public record Interruption(double threshold, Duration gracePeriod, Duration minimumRunTime,
                               DisruptionBudget disruptionBudget) {
    }

    /** At most {@code maxInterruptions} interruptions per client in any {@code window}. */
    public record DisruptionBudget(int maxInterruptions, Duration window) {
    }

    /**
     * @param minCvsDifference how much higher the beneficiary's CVS must be than the moved client's
     * @param timeout how long a migration may take to reach the switch before it is aborted
     * @param stepTimeout how long any one step of a migration may take: before the switch it is then
     *                    aborted, after it it ends failed
     * @param maxConcurrent the most migrations running at once
     */
    public record Migration(double minCvsDifference, Duration timeout, Duration stepTimeout, int maxConcurrent) {
    }

    /**
     * What a migrated client is charged.
     *
     * @param slaTiersDropped how many tiers its SLA drops, for {@code duration}
     */
    public record Penalty(BigDecimal amount, String currency, int slaTiersDropped, Duration duration) {
    }
}

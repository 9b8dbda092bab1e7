package io.arbiter.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.policy.Policy.Capacity;
import io.arbiter.policy.Policy.Demand;
import io.arbiter.policy.Policy.DisruptionBudget;
import io.arbiter.policy.Policy.ForecastWindow;
import io.arbiter.policy.Policy.Interruption;
import io.arbiter.policy.Policy.Migration;
import io.arbiter.policy.Policy.PaymentTerms;
import io.arbiter.policy.Policy.Penalty;
import io.arbiter.policy.Policy.Range;
import io.arbiter.policy.Policy.Score;
import io.arbiter.policy.Policy.TierValues;
import io.arbiter.policy.Policy.UsageDecay;
import io.arbiter.policy.Policy.Weights;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a complete policy tree (defaults already merged in) into a {@link Policy}, or the list of
 * every problem in it. The keys it reads are the record components of {@link Policy}, so that
 * {@link PolicyJson} writes what this reads.
 */
final class PolicyParser {

    /** Top-level keys taken and ignored, so that the body of {@code GET /v1/policy} can be sent back. */
    static final String VERSION_KEY = "version";

    private final List<PolicyError> errors = new ArrayList<>();

    /** The policy, or null when {@link #errors()} is not empty. */
    Policy parse(JsonNode tree) {
        PolicyReader root = new PolicyReader(tree, "", errors);
        if (!tree.isObject()) {
            root.error(null, "the policy must be a mapping of keys");
            return null;
        }
        root.ignore(VERSION_KEY);
        Policy policy = build(root);
        root.refuseUnknown();
        return errors.isEmpty() ? policy : null;
    }

    List<PolicyError> errors() {
        return errors;
    }

    private static Policy build(PolicyReader root) {
        return new Policy(
                root.section("weights", PolicyParser::weights),
                root.section("score", r -> new Score(r.fraction("epsilon"))),
                root.section("usage", r -> new UsageDecay(r.duration("halfLife"))),
                root.section("forecast", r -> new ForecastWindow(r.duration("horizon"),
                        r.fraction("contentionFraction"))),
                root.section("capacity", r -> new Capacity(r.fraction("highWaterMark"))),
                root.section("slaTiers", r -> new TierValues(r.fraction("platinum"), r.fraction("gold"),
                        r.fraction("silver"), r.fraction("bronze"))),
                root.section("demand", r -> new Demand(
                        r.section("signals", signals -> signals.entries(PolicyParser::range)),
                        r.choice("combination", Demand.Combination.class))),
                root.section("payment", r -> new PaymentTerms(r.whole("overdueCapDays", 0, 36_500),
                        r.fraction("overdueCap"), r.duration("halfLife"))),
                root.section("interruption", r -> new Interruption(r.fraction("threshold"), r.duration("gracePeriod"),
                        r.duration("minimumRunTime"), r.section("disruptionBudget",
                        b -> new DisruptionBudget(b.count("maxInterruptions"), b.duration("window"))))),
                root.section("migration", r -> new Migration(r.fraction("minCvsDifference"), r.duration("timeout"),
                        r.duration("stepTimeout"), r.count("maxConcurrent"))),
                root.section("penalty", r -> new Penalty(r.money("amount"), r.currency("currency"),
                        r.count("slaTiersDropped"), r.duration("duration"))));
    }

    private static Weights weights(PolicyReader r) {
        Weights w = new Weights(r.fraction("usage"), r.fraction("sla"), r.fraction("forecast"),
                r.fraction("demand"), r.fraction("payment"));
        if (w.total() == 0) {
            r.error(null, "at least one weight must be above 0");
        }
        return w;
    }

    private static Range range(PolicyReader r) {
        double min = r.number("min");
        double max = r.number("max");
        if (min >= max) {
            r.error(null, "min must be below max");
        }
        return new Range(min, max);
    }
}

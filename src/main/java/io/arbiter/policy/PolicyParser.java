package io.arbiter.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.policy.Policy.Capacity;
import io.arbiter.policy.Policy.DemandRanges;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

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

    private Policy build(PolicyReader root) {
        Weights weights = weights(root.section("weights"));
        Score score = new Score(finish(root.section("score"), s -> s.fraction("epsilon")));
        PolicyReader u = root.section("usage");
        UsageDecay usage = new UsageDecay(u.duration("halfLife"));
        u.refuseUnknown();
        PolicyReader f = root.section("forecast");
        ForecastWindow forecast = new ForecastWindow(f.duration("horizon"), f.fraction("contentionFraction"));
        f.refuseUnknown();
        Capacity capacity = new Capacity(finish(root.section("capacity"), c -> c.fraction("highWaterMark")));
        TierValues tiers = tiers(root.section("slaTiers"));
        DemandRanges demand = demand(root.section("demand"));
        PolicyReader p = root.section("payment");
        PaymentTerms payment = new PaymentTerms(p.whole("overdueCapDays", 0, 36_500), p.fraction("overdueCap"));
        p.refuseUnknown();
        Interruption interruption = interruption(root.section("interruption"));
        Migration migration = migration(root.section("migration"));
        Penalty penalty = penalty(root.section("penalty"));
        if (!errors.isEmpty()) {
            return null;
        }
        return new Policy(weights, score, usage, forecast, capacity, tiers, demand, payment, interruption,
                migration, penalty);
    }

    private static double finish(PolicyReader r, ToDoubleFunction<PolicyReader> read) {
        double v = read.applyAsDouble(r);
        r.refuseUnknown();
        return v;
    }

    private static Weights weights(PolicyReader r) {
        Weights w = new Weights(r.fraction("usage"), r.fraction("sla"), r.fraction("forecast"),
                r.fraction("demand"), r.fraction("payment"));
        r.refuseUnknown();
        if (w.total() == 0) {
            r.error(null, "at least one weight must be above 0");
        }
        return w;
    }

    private static TierValues tiers(PolicyReader r) {
        TierValues t = new TierValues(r.fraction("platinum"), r.fraction("gold"), r.fraction("silver"),
                r.fraction("bronze"));
        r.refuseUnknown();
        return t;
    }

    private static DemandRanges demand(PolicyReader r) {
        Map<String, Range> ranges = new LinkedHashMap<>();
        PolicyReader signals = r.section("signals");
        signals.entries().forEach((name, range) -> {
            double min = range.number("min");
            double max = range.number("max");
            range.refuseUnknown();
            if (min >= max) {
                range.error(null, "min must be below max");
            }
            ranges.put(name, new Range(min, max));
        });
        r.refuseUnknown();
        return new DemandRanges(ranges);
    }

    private static Interruption interruption(PolicyReader r) {
        double threshold = r.fraction("threshold");
        var grace = r.duration("gracePeriod");
        var minimumRunTime = r.duration("minimumRunTime");
        PolicyReader b = r.section("disruptionBudget");
        DisruptionBudget budget = new DisruptionBudget(b.count("maxInterruptions"), b.duration("window"));
        b.refuseUnknown();
        r.refuseUnknown();
        return new Interruption(threshold, grace, minimumRunTime, budget);
    }

    private static Migration migration(PolicyReader r) {
        Migration m = new Migration(r.fraction("minCvsDifference"), r.duration("timeout"),
                r.count("maxConcurrent"));
        r.refuseUnknown();
        return m;
    }

    private static Penalty penalty(PolicyReader r) {
        Penalty p = new Penalty(r.money("amount"), r.currency("currency"), r.count("slaTiersDropped"),
                r.duration("duration"));
        r.refuseUnknown();
        return p;
    }
}

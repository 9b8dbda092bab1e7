package io.arbiter.policy;

import io.arbiter.domain.InterruptionCriteria;
import io.arbiter.scoring.DecaySpec;
import io.arbiter.scoring.DemandSignals;
import io.arbiter.scoring.FactorAssembler;
import io.arbiter.scoring.PaymentHistory;
import io.arbiter.scoring.SignalRange;
import io.arbiter.scoring.SlaTiers;

import java.util.Map;
import java.util.TreeMap;

/**
 * The policy's parameters in the shapes the scoring and arbitration packages take: one place that
 * translates, so the server and the scenarios compute factors and decisions alike.
 */
public final class ScoringParameters {

    private ScoringParameters() {
    }

    /** How usage decays: the policy's half-life for CPU, memory and network alike. */
    public static DecaySpec decay(Policy policy) {
        return DecaySpec.uniform(policy.usage().halfLife());
    }

    /** The parameters of the sla, demand and payment factors. */
    public static FactorAssembler.Parameters factors(Policy policy) {
        Policy.TierValues t = policy.slaTiers();
        SlaTiers tiers = new SlaTiers(Map.of("platinum", t.platinum(), "gold", t.gold(), "silver", t.silver(),
                "bronze", t.bronze()));
        Map<String, SignalRange> ranges = new TreeMap<>();
        policy.demand().signals().forEach((name, r) -> ranges.put(name, new SignalRange(r.min(), r.max())));
        DemandSignals demand = new DemandSignals(ranges, policy.demand().combination() == Policy.Demand.Combination.MEAN
                ? DemandSignals.Combination.MEAN : DemandSignals.Combination.MAX);
        return new FactorAssembler.Parameters(tiers, demand, new PaymentHistory(policy.payment().halfLife()));
    }

    /** The interruption policy as arbitration applies it. */
    public static InterruptionCriteria interruption(Policy policy) {
        Policy.Interruption i = policy.interruption();
        return new InterruptionCriteria(i.threshold(), i.minimumRunTime(), i.disruptionBudget().maxInterruptions(),
                i.disruptionBudget().window());
    }
}

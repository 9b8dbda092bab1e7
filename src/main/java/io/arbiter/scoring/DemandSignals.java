package io.arbiter.scoring;

import io.arbiter.domain.DemandSignal;
import io.arbiter.domain.Factor;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns a client's demand signals into one demand factor in [0, 1].
 *
 * <p>At {@code now} only signals {@linkplain DemandSignal#inForceAt in force} count
 * ({@code time <= now < time + ttl}); of several in force under one {@link DemandSignal#signal()
 * name}, the one sent last counts (on a tie, the later in the collection). Each is normalised by
 * its name's {@link SignalRange}; a name the policy gives no range is ignored. The normalised
 * values are combined by {@link Combination#MAX} (the strongest signal) or
 * {@link Combination#MEAN} (their mean); with none in force the factor is 0.
 *
 * @param ranges the range of each signal name
 * @param combination how several signals combine
 */
public record DemandSignals(Map<String, SignalRange> ranges, Combination combination) {

    /** The factor's name in {@link Factor}s. */
    public static final String FACTOR = "demand";

    /** How normalised signals combine into one value. */
    public enum Combination {
        /** The highest normalised value. */
        MAX,
        /** The mean of the normalised values. */
        MEAN
    }

    /** Copies the ranges and validates. */
    public DemandSignals {
        ranges = Map.copyOf(ranges);
        Objects.requireNonNull(combination, "combination");
    }

    /** Each counted signal's normalised value at {@code now}, by name. */
    public Map<String, Double> normalized(Collection<DemandSignal> signals, Instant now) {
        Map<String, DemandSignal> latest = new TreeMap<>();
        for (DemandSignal signal : signals) {
            if (signal.inForceAt(now) && ranges.containsKey(signal.signal())) {
                latest.merge(signal.signal(), signal, (a, b) -> b.time().isBefore(a.time()) ? a : b);
            }
        }
        Map<String, Double> values = new TreeMap<>();
        latest.forEach((name, signal) -> values.put(name, ranges.get(name).normalize(signal.value())));
        return values;
    }

    /** The demand factor at {@code now}: raw is how many signals counted, normalized the combined value. */
    public Factor factor(Collection<DemandSignal> signals, Instant now) {
        Collection<Double> values = normalized(signals, now).values();
        double combined = switch (combination) {
            case MAX -> values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            case MEAN -> values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        };
        return new Factor(FACTOR, values.size(), combined);
    }

    /** The signals still in force at {@code now}, for pruning what is stored. */
    public static List<DemandSignal> inForce(Collection<DemandSignal> signals, Instant now) {
        return signals.stream().filter(s -> s.inForceAt(now)).toList();
    }
}

package io.arbiter.scoring;

import io.arbiter.domain.Factor;
import java.util.Map;
import java.util.Objects;

/**
 * The SLA factor of each tier: by default platinum 1.0, gold 0.75, silver 0.5, bronze 0.25.
 *
 * @param factors each tier's factor, in [0, 1]
 */
public record SlaTiers(Map<String, Double> factors) {

    /** The factor's name in {@link Factor}s. */
    public static final String FACTOR = "sla";

    /** Copies the map and validates every factor. */
    public SlaTiers {
        factors = Map.copyOf(factors);
        factors.forEach((tier, factor) -> Checks.requireShare(Objects.requireNonNull(factor, tier), "factor of " + tier));
    }

    /** The default tiers. */
    public static SlaTiers standard() {
        return new SlaTiers(Map.of("platinum", 1.0, "gold", 0.75, "silver", 0.5, "bronze", 0.25));
    }

    /**
     * The SLA factor of {@code tier}; raw and normalised are the same.
     *
     * @throws IllegalArgumentException if the tier has no factor
     */
    public Factor factor(String tier) {
        Double factor = factors.get(tier);
        if (factor == null) {
            throw new IllegalArgumentException("unknown SLA tier '" + tier + "' (known: " + factors.keySet() + ")");
        }
        return new Factor(FACTOR, factor, factor);
    }
}

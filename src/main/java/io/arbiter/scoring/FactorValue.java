package io.arbiter.scoring;

import java.util.Objects;

/**
 * One CVS factor of a client: its raw measure and its value normalised to [0, 1]. The package
 * documentation says what raw and normalised mean for each factor.
 *
 * @param name the factor's name, such as {@code usage.cpu} or {@code payment}
 * @param raw the measure before normalisation, in the factor's own unit
 * @param normalized the value the CVS weighs, in [0, 1]
 */
public record FactorValue(String name, double raw, double normalized) {

    /** Validates that the name is present and the normalised value is in [0, 1]. */
    public FactorValue {
        Objects.requireNonNull(name, "name");
        Checks.requireShare(normalized, "normalized");
    }
}

package io.arbiter.domain;

import java.util.Objects;

/**
 * One input of a client's value score.
 *
 * @param name the factor's name, such as {@code usage.cpu}, {@code forecast.memory}, {@code sla}, {@code demand}
 *             or {@code payment}
 * @param raw the value before normalisation, in the factor's own unit
 * @param normalized the value mapped to [0,1]
 */
public record Factor(String name, double raw, double normalized) {

    public Factor {
        Objects.requireNonNull(name, "name");
        if (!(normalized >= 0 && normalized <= 1)) {
            throw new IllegalArgumentException("factor " + name + " must be normalised to [0,1], was " + normalized);
        }
    }
}

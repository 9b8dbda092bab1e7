package io.arbiter.domain;

import java.util.Arrays;
import java.util.Optional;

/** An enum constant with the lower-case name it has on the wire (JSON, YAML, rule facts). */
public interface WireName {

    /** The constant's name on the wire. */
    String wire();

    /** Finds the constant of {@code type} whose wire name is {@code wire}, if any. */
    static <E extends Enum<E> & WireName> Optional<E> parse(Class<E> type, String wire) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wire().equals(wire)).findFirst();
    }

    /** The wire names of {@code type}'s constants, comma-separated, for error messages. */
    static <E extends Enum<E> & WireName> String choices(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(WireName::wire).toList());
    }
}

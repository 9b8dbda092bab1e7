package io.arbiter.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy document that was refused, with every problem found in it; nothing of it was applied. */
public final class PolicyValidationException extends Exception {

    private final transient List<PolicyError> errors;

    PolicyValidationException(List<PolicyError> errors) {
        super(errors.stream().map(PolicyError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    /** Every problem, in document order as far as it is known. */
    public List<PolicyError> errors() {
        return errors;
    }
}

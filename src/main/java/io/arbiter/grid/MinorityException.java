package io.arbiter.grid;

/**
 * Thrown instead of taking a decision on a member that sees too few members for the decision
 * maps' split-brain protection: the minority side of a split decides nothing until the cluster
 * heals, so that two sides never decide for the same platform.
 */
public final class MinorityException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public MinorityException(String message) {
        super(message);
    }
}

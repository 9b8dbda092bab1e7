package io.arbiter.domain;

/** What an action of a decision does. */
public enum ActionType implements WireName {
    /** Graceful shutdown, then forced termination after the grace period. */
    INTERRUPT("interrupt"),
    /** Move an uninterruptible instance to a shadow slot. */
    MIGRATE("migrate"),
    /** A ledger entry charging the moved client. */
    PENALIZE("penalize"),
    /** An SLA tier change with an end time. */
    DOWNGRADE("downgrade");

    private final String wire;

    ActionType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}

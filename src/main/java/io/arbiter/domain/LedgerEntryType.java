package io.arbiter.domain;

/** What a ledger entry records. */
public enum LedgerEntryType implements WireName {
    /** Money charged to a client for a migration. */
    PENALTY("penalty"),
    /** A client's SLA tier lowered until an end time. */
    DOWNGRADE("downgrade");

    private final String wire;

    LedgerEntryType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}

package io.arbiter.domain;

/** How hard a contention is; only an extreme one may lead to migrating uninterruptible instances. */
public enum Severity implements WireName {
    NORMAL("normal"), EXTREME("extreme");

    private final String wire;

    Severity(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}

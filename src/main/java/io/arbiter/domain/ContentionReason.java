package io.arbiter.domain;

/** Why a platform needs room. */
public enum ContentionReason implements WireName {
    CAPACITY("capacity"), HARDWARE_FAILURE("hardware-failure");

    private final String wire;

    ContentionReason(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}

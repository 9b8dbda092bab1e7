package io.arbiter.domain;

/**
 * Whether arbitration may shut an instance down. An uninterruptible instance is never shut down by
 * arbitration: at most it is migrated to a shadow slot.
 */
public enum InstanceKind implements WireName {
    INTERRUPTIBLE("interruptible"), UNINTERRUPTIBLE("uninterruptible");

    private final String wire;

    InstanceKind(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}

package io.arbiter.domain;

/** Where an instance is in its life, as far as Arbiter knows. */
public enum InstanceState implements WireName {
    RUNNING("running"), STOPPING("stopping"), STOPPED("stopped"), MIGRATING("migrating"), MIGRATED("migrated");

    private final String wire;

    InstanceState(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** True while the instance holds its resources on its platform. */
    public boolean holdsResources() {
        return this == RUNNING || this == STOPPING || this == MIGRATING;
    }
}

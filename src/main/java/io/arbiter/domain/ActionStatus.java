package io.arbiter.domain;

/**
 * Where an action is. Interruptions go {@code pending → graceful → stopped}, or on to
 * {@code terminated}; migrations {@code reserving → snapshotting → restoring → switching →
 * completed}, or {@code aborted}; ledger actions are {@code completed} once written.
 */
public enum ActionStatus implements WireName {
    PENDING("pending"), GRACEFUL("graceful"), STOPPED("stopped"), TERMINATED("terminated"), FAILED("failed"),
    RESERVING("reserving"), SNAPSHOTTING("snapshotting"), RESTORING("restoring"), SWITCHING("switching"),
    COMPLETED("completed"), ABORTED("aborted");

    private final String wire;

    ActionStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** True when nothing more will happen to the action. */
    public boolean isFinal() {
        return this == STOPPED || this == TERMINATED || this == FAILED || this == COMPLETED || this == ABORTED;
    }
}

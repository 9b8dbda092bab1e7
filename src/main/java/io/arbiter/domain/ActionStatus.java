package io.arbiter.domain;

/**
 * Where an action is. Interruptions go {@code pending → graceful → stopped}, or on to
 * {@code terminated}; migrations {@code pending → reserving → snapshotting → restoring → pausing →
 * final-copy → switching → resuming → terminating-original → releasing → completed}, or through
 * {@code rolling-back} to {@code aborted} when a step before the switch fails or times out, or
 * {@code failed} when one after it does (traffic was switched: the copy runs in its slot);
 * penalties and downgrades are {@code completed} once in the ledger, {@code aborted} when their
 * migration was.
 */
public enum ActionStatus implements WireName {
    PENDING("pending"), GRACEFUL("graceful"), STOPPED("stopped"), TERMINATED("terminated"), FAILED("failed"),
    RESERVING("reserving"), SNAPSHOTTING("snapshotting"), RESTORING("restoring"), PAUSING("pausing"),
    FINAL_COPY("final-copy"), SWITCHING("switching"), RESUMING("resuming"), TERMINATING("terminating-original"),
    RELEASING("releasing"), ROLLING_BACK("rolling-back"), COMPLETED("completed"), ABORTED("aborted");

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

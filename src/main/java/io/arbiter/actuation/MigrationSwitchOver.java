package io.arbiter.actuation;

import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.Instance;
import io.arbiter.domain.Route;
import io.arbiter.domain.ShadowSlot;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Carries a migration from the switch to its end, only forward: {@code switching} (the service
 * pointed at the copy) → the charge → {@code resuming} (held requests go to the copy) →
 * {@code terminating-original} (up to {@value Migration#TERMINATE_ATTEMPTS} attempts, backing off)
 * → {@code releasing} → {@code completed}. Each step, and each attempt at terminating, has the step
 * timeout; a step that fails or times out ends the migration {@code failed}, with the reason, and
 * charged all the same. Steps are idempotent and all run again after a restart; a state is recorded
 * only when it is past the one recorded before.
 */
final class MigrationSwitchOver {

    private final Instance original;
    private final Instance copy;
    private final ShadowSlot slot;
    private final Migration.Parts parts;
    private final MigrationListener listener;
    private final Supplier<CompletionStage<Void>> charge;
    private final Runnable release;
    private final Deadline deadline;
    private final CompletableFuture<ActionStatus> outcome = new CompletableFuture<>();
    private final AtomicBoolean charged = new AtomicBoolean();
    private volatile boolean switched;

    MigrationSwitchOver(Instance original, Instance copy, ShadowSlot slot, Migration.Parts parts,
                        MigrationListener listener, Supplier<CompletionStage<Void>> charge, Runnable release,
                        Deadline deadline) {
        this.original = original;
        this.copy = copy;
        this.slot = slot;
        this.parts = parts;
        this.listener = listener;
        this.charge = charge;
        this.release = release;
        this.deadline = deadline;
    }

    /**
     * Runs every step past {@code lastRecorded}, the last state recorded (the one reached before a
     * restart, or {@code final-copy}); completes with {@code completed} or {@code failed}.
     */
    CompletionStage<ActionStatus> run(ActionStatus lastRecorded) {
        switched = lastRecorded.ordinal() > ActionStatus.SWITCHING.ordinal();
        boolean resumed = lastRecorded.ordinal() > ActionStatus.RESUMING.ordinal();
        after(lastRecorded, ActionStatus.SWITCHING, switchNote(), () -> switched ? done() : pointAtCopy())
                .thenCompose(v -> {
                    switched = true;
                    return chargeOnce();
                })
                .thenCompose(v -> after(lastRecorded, ActionStatus.RESUMING,
                        original.service() == null ? "no routed traffic" : "releasing held requests to the copy",
                        () -> original.service() == null || resumed ? done() : parts.router().resume(original.service())))
                .thenCompose(v -> after(lastRecorded, ActionStatus.TERMINATING,
                        "terminating the original " + original.instanceId(), MigrationSwitchOver::done))
                .thenCompose(v -> terminateOriginal(1))
                .thenCompose(v -> after(lastRecorded, ActionStatus.RELEASING,
                        "freeing the original's room on " + original.platformId(), () -> {
                            release.run();
                            return done();
                        }))
                .thenCompose(v -> after(lastRecorded, ActionStatus.COMPLETED,
                        copy.instanceId() + " serves in shadow slot " + slot.slotId() + " on " + slot.platformId(),
                        MigrationSwitchOver::done))
                .whenComplete((v, failure) -> {
                    if (failure == null) {
                        outcome.complete(ActionStatus.COMPLETED);
                    } else {
                        fail(failure);
                    }
                });
        return outcome;
    }

    /** Ends a migration that cannot finish: charged all the same (it reached the switch), then {@code failed}. */
    private void fail(Throwable failure) {
        String why = (switched ? "traffic was switched, but " : "the switch did not complete: ") + Migration.reason(failure);
        chargeOnce().exceptionally(f -> null)
                .thenCompose(v -> deadline.bound(listener.reached(ActionStatus.FAILED, parts.scheduler().now(), why),
                        "recording failed"))
                .whenComplete((x, y) -> outcome.complete(ActionStatus.FAILED));
    }

    /** The charge, within the step timeout; once it succeeded, not asked again. */
    private CompletionStage<Void> chargeOnce() {
        if (charged.get()) {
            return done();
        }
        return deadline.bound(charge.get(), "charging client " + original.clientId())
                .thenRun(() -> charged.set(true));
    }

    /** Records {@code status} unless it was recorded before the restart, then runs {@code work}; all within the step timeout. */
    private CompletionStage<Void> after(ActionStatus lastRecorded, ActionStatus status, String note,
                                        Supplier<CompletionStage<Void>> work) {
        CompletionStage<Void> recorded = status.ordinal() <= lastRecorded.ordinal() && Migration.afterSwitch(lastRecorded)
                ? done() : listener.reached(status, parts.scheduler().now(), note);
        return deadline.bound(recorded.thenCompose(v -> work.get()), status.wire());
    }

    private String switchNote() {
        return original.service() == null ? "the copy takes over from " + original.instanceId()
                : "pointing service " + original.service() + " at " + copy.instanceId();
    }

    private CompletionStage<Void> pointAtCopy() {
        if (original.service() == null) {
            return done();
        }
        return parts.driver().endpoint(copy)
                .thenCompose(at -> parts.router().point(new Route(original.service(), copy.instanceId(), at, true)));
    }

    /** One attempt within the step timeout; a failed or timed-out attempt is tried again after a back-off. */
    private CompletionStage<Void> terminateOriginal(int attempt) {
        return deadline.bound(parts.driver().terminate(original), "terminating the original " + original.instanceId())
                .handle((v, failure) -> {
                    if (failure == null) {
                        return done();
                    }
                    if (attempt >= Migration.TERMINATE_ATTEMPTS) {
                        return CompletableFuture.<Void>failedFuture(new Migration.StepFailure("the original could not be "
                                + "terminated after " + attempt + " attempts: " + Migration.reason(failure)));
                    }
                    CompletableFuture<Void> retried = new CompletableFuture<>();
                    Duration wait = Migration.TERMINATE_BACKOFF.multipliedBy(1L << (attempt - 1));
                    parts.scheduler().schedule(wait, () -> terminateOriginal(attempt + 1).whenComplete((x, f) -> {
                        if (f != null) {
                            retried.completeExceptionally(f);
                        } else {
                            retried.complete(null);
                        }
                    }));
                    return retried;
                }).thenCompose(stage -> stage);
    }

    private static CompletionStage<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}

package io.arbiter.actuation;

import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.Instance;
import io.arbiter.domain.ShadowSlot;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Undoes a migration that did not reach the switch: {@code rolling-back} → the service resumed on
 * the original (which never stopped serving) → the copy terminated → the slot released →
 * {@code aborted}, each step within the step timeout. What could not be undone is said in the
 * {@code aborted} note, and the slot stays reserved while the copy may still be alive, so that
 * reconciliation ({@link SlotReconciliation}) terminates the copy and frees the slot later.
 * <p>
 * A step cut short before the rollback may still succeed afterwards: a late reservation is released
 * again, and a copy brought up late is terminated (its slot marked reserved meanwhile, so that
 * reconciliation finishes the job if termination fails).
 */
final class MigrationRollback {

    private final String actionId;
    private final Instance original;
    private final Instance copy;
    private final ShadowSlot slot;
    private final Migration.Parts parts;
    private final MigrationListener listener;
    private final Deadline deadline;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    MigrationRollback(String actionId, Instance original, Instance copy, ShadowSlot slot, Migration.Parts parts,
                      MigrationListener listener, Deadline deadline) {
        this.actionId = actionId;
        this.original = original;
        this.copy = copy;
        this.slot = slot;
        this.parts = parts;
        this.listener = listener;
        this.deadline = deadline;
    }

    /** Rolls back for {@code why}; {@code paused} when the router may be holding the service's requests. */
    CompletionStage<Void> run(String why, boolean paused) {
        List<String> problems = new CopyOnWriteArrayList<>();
        deadline.bound(listener.reached(ActionStatus.ROLLING_BACK, parts.scheduler().now(), why), "recording rolling-back")
                .exceptionally(f -> null)
                .thenCompose(v -> !paused ? CompletableFuture.completedFuture(true)
                        : attempt(parts.router().resume(original.service()), "resuming service " + original.service()
                                + " on the original", "the service could not be resumed on the original", problems))
                .thenCompose(v -> attempt(parts.driver().terminate(copy), "terminating the copy " + copy.instanceId(),
                        "the copy " + copy.instanceId() + " could not be terminated, so slot " + slot.slotId()
                                + " stays reserved until reconciliation terminates it", problems))
                .thenCompose(terminated -> !terminated ? CompletableFuture.completedFuture(false)
                        : attempt(parts.reservations().release(slot.slotId(), actionId), "releasing slot "
                                + slot.slotId(), "slot " + slot.slotId() + " could not be released; reconciliation"
                                + " releases it", problems))
                .thenCompose(v -> deadline.bound(listener.reached(ActionStatus.ABORTED, parts.scheduler().now(),
                        why + String.join("", problems) + "; the original keeps serving"), "recording aborted"))
                .whenComplete((v, f) -> done.complete(null));
        return done;
    }

    /** A reservation that succeeded after its step was cut short: released once the rollback is over. */
    void lateReservation() {
        done.thenCompose(v -> deadline.bound(parts.reservations().release(slot.slotId(), actionId),
                        "releasing slot " + slot.slotId()))
                .whenComplete((v, f) -> listener.noticed(f == null
                        ? "slot " + slot.slotId() + " was reserved after its step timed out; released again"
                        : "slot " + slot.slotId() + " was reserved after its step timed out and could not be released ("
                        + Migration.reason(f) + "); reconciliation releases it"));
    }

    /** A copy that came up after its step was cut short: terminated once the rollback is over. */
    void lateCopy() {
        done.thenCompose(v -> deadline.bound(parts.reservations().reserve(slot.slotId(), actionId, Integer.MAX_VALUE),
                        "marking slot " + slot.slotId()).exceptionally(f -> null))
                .thenCompose(marked -> deadline.bound(parts.driver().terminate(copy), "terminating the copy "
                        + copy.instanceId()))
                .thenCompose(v -> deadline.bound(parts.reservations().release(slot.slotId(), actionId),
                        "releasing slot " + slot.slotId()))
                .whenComplete((v, f) -> listener.noticed(f == null
                        ? "the copy " + copy.instanceId() + " came up after the migration was rolled back; terminated"
                        : "the copy " + copy.instanceId() + " came up after the migration was rolled back and could not"
                        + " be terminated or its slot released (" + Migration.reason(f) + "); reconciliation does it"));
    }

    /** True when {@code work} succeeded in time; otherwise false, with the problem noted. */
    private CompletionStage<Boolean> attempt(CompletionStage<Void> work, String what, String problem,
                                             List<String> problems) {
        return deadline.bound(work, what).handle((v, f) -> {
            if (f != null) {
                problems.add("; " + problem + ": " + Migration.reason(f));
            }
            return f == null;
        });
    }
}

package io.arbiter.actuation;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceKind;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.Resources;
import io.arbiter.domain.ReservationOutcome;
import io.arbiter.domain.ShadowSlot;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one migrate action as a saga, each state recorded before its step:
 * {@code reserving} the shadow slot → {@code snapshotting} the running instance (pre-copy) →
 * {@code restoring} it onto the shadow → {@code pausing} its service (the router holds new requests)
 * → {@code final-copy} of what changed → {@code switching} the service to the copy (the point of no
 * return; the client is charged here) → {@code resuming} → {@code terminating-original} →
 * {@code releasing} the original's room → {@code completed}.
 * <p>
 * Reserving the slot is where {@link Limits#maxConcurrent} is enforced: a migration refused its slot
 * (another holds it, or as many migrations as allowed are running) ends {@code aborted} at once,
 * with the reason and nothing to undo.
 * <p>
 * Before the switch, any failure, a step longer than the step timeout, or the whole migration
 * longer than its timeout rolls it back ({@link MigrationRollback}: {@code rolling-back} →
 * {@code aborted}): the service is resumed on the original, which kept serving; the copy is
 * terminated; the slot is released. After the switch it only goes forward ({@link MigrationSwitchOver}),
 * and the whole-migration timeout no longer applies: each step (pointing the service at the copy, charging, resuming,
 * each attempt at terminating the original, releasing) has the step timeout. Terminating the
 * original is tried {@value #TERMINATE_ATTEMPTS} times; a step that fails or times out ends the
 * migration {@code failed}, with the reason; it then no longer counts as running. A migration that
 * reached the switch is charged even when it ends {@code failed}. An instance that serves no traffic
 * skips the router's steps.
 */
public final class Migration {

    /**
     * The policy's bounds on a migration: how long the whole of it may take before the switch, how
     * long each step may take, and how many migrations may run at once (checked when the slot is
     * reserved).
     */
    public record Limits(Duration total, Duration step, int maxConcurrent) {
    }

    /** What a migration works with. */
    public record Parts(PlatformDriver driver, TrafficRouter router, ShadowReservations reservations,
                        Scheduler scheduler) {
    }

    /** How many times, and how far apart at first, terminating the original is tried after the switch. */
    static final int TERMINATE_ATTEMPTS = 5;
    static final Duration TERMINATE_BACKOFF = Duration.ofSeconds(1);

    private final String actionId;
    private final Instance original;
    private final Instance copy;
    private final ShadowSlot slot;
    private final Limits limits;
    private final Parts parts;
    private final MigrationListener listener;
    private final Supplier<CompletionStage<Void>> charge;
    private final Runnable release;
    private final Deadline deadline;
    private final MigrationRollback rollback;
    private final CompletableFuture<Void> expired = new CompletableFuture<>();
    private final CompletableFuture<ActionStatus> outcome = new CompletableFuture<>();
    private final AtomicBoolean switching = new AtomicBoolean();
    private volatile Scheduler.Cancellable overall;
    private volatile boolean paused;
    private volatile boolean givenUp;
    private volatile Snapshot preCopy;

    /**
     * @param copy the instance as it will run in {@code slot} ({@link #copyOf})
     * @param charge writes the client's penalty to the ledger, once per migration whatever retries happen
     * @param release frees the original's room on its platform once it is gone
     */
    public Migration(String actionId, Instance original, Instance copy, ShadowSlot slot, Limits limits,
                     Parts parts, MigrationListener listener, Supplier<CompletionStage<Void>> charge,
                     Runnable release) {
        this.actionId = actionId;
        this.original = original;
        this.copy = copy;
        this.slot = slot;
        this.limits = limits;
        this.parts = parts;
        this.listener = listener;
        this.charge = charge;
        this.release = release;
        this.deadline = new Deadline(parts.scheduler(), limits.step());
        this.rollback = new MigrationRollback(actionId, original, copy, slot, parts, listener, deadline);
    }

    /** The instance a migration of {@code original} into {@code slot} brings up, from {@code startedAt}. */
    public static Instance copyOf(Instance original, ShadowSlot slot, Instant startedAt) {
        return new Instance(original.instanceId() + "@" + slot.slotId(), original.clientId(), slot.platformId(),
                original.kind(), original.resources(), original.service(), startedAt, InstanceState.RUNNING);
    }

    /**
     * What migrate action {@code migrate} remembers of its instance, for when the grid no longer
     * holds it (after a restart of a lone member): its id, client and platform.
     */
    public static Instance remembered(ActionRecord migrate) {
        return new Instance(migrate.instanceId(), migrate.clientId(), migrate.platformId(), InstanceKind.UNINTERRUPTIBLE,
                Resources.ZERO, null, migrate.history().get(0).at(), InstanceState.MIGRATING);
    }

    /** A shadow slot no longer registered in the grid: only its id is known. */
    public static ShadowSlot unregistered(String slotId) {
        return new ShadowSlot(slotId, "unknown", Resources.ZERO);
    }

    /** Runs the migration from the start; the stage completes with {@code completed}, {@code aborted} or {@code failed}. */
    public CompletionStage<ActionStatus> start() {
        overall = parts.scheduler().schedule(limits.total(),
                () -> expired.completeExceptionally(new StepFailure("the migration took longer than its timeout of "
                        + limits.total())));
        outcome.whenComplete((s, f) -> overall.cancel());
        step(ActionStatus.RESERVING, "reserving shadow slot " + slot.slotId() + " on " + slot.platformId(),
                () -> parts.reservations().reserve(slot.slotId(), actionId, limits.maxConcurrent()),
                late -> {
                    if (late == ReservationOutcome.RESERVED) {
                        rollback.lateReservation();
                    }
                })
                .thenAccept(this::requireReserved)
                .thenCompose(v -> step(ActionStatus.SNAPSHOTTING, "pre-copy of " + original.instanceId(),
                        () -> parts.driver().snapshot(original, null).thenAccept(s -> preCopy = s), null))
                .thenCompose(v -> step(ActionStatus.RESTORING, "restoring " + sized(preCopy) + " onto " + copy.instanceId(),
                        () -> parts.driver().restore(copy, slot, preCopy), late -> rollback.lateCopy()))
                .thenCompose(v -> step(ActionStatus.PAUSING, pausingNote(), this::pause, null))
                .thenCompose(v -> step(ActionStatus.FINAL_COPY, "copying what changed since the pre-copy",
                        () -> parts.driver().snapshot(original, preCopy)
                                .thenCompose(delta -> parts.driver().restore(copy, slot, delta)),
                        late -> rollback.lateCopy()))
                .whenComplete((v, failure) -> {
                    if (unwrap(failure) instanceof Refused refused) {
                        refuse(refused.getMessage());
                    } else if (failure != null) {
                        rollBack(reason(failure));
                    } else {
                        goForward(ActionStatus.FINAL_COPY);
                    }
                });
        return outcome;
    }

    /**
     * Carries on after a restart or a takeover from the last state recorded: before the switch it
     * rolls back (the copy may be stale and the router's pause was lost); from the switch on it
     * finishes (each remaining step is idempotent, and so is the charge).
     */
    public CompletionStage<ActionStatus> resume(ActionStatus lastRecorded) {
        if (afterSwitch(lastRecorded)) {
            goForward(lastRecorded);
        } else {
            paused = original.service() != null;
            rollBack("the node running the migration stopped before the switch (last state: "
                    + lastRecorded.wire() + ")");
        }
        return outcome;
    }

    /** True when a migration that reached {@code status} has switched traffic, or is switching it. */
    public static boolean afterSwitch(ActionStatus status) {
        return switch (status) {
            case SWITCHING, RESUMING, TERMINATING, RELEASING, COMPLETED -> true;
            default -> false;
        };
    }

    private void requireReserved(ReservationOutcome outcome) {
        switch (outcome) {
            case RESERVED -> { }
            case HELD_BY_ANOTHER -> throw new Refused("shadow slot " + slot.slotId() + " is held by another migration");
            case LIMIT_REACHED -> throw new Refused("refused when reserving shadow slot " + slot.slotId() + ": "
                    + limits.maxConcurrent() + " migration(s) are running already, the most migration.maxConcurrent"
                    + " allows");
        }
    }

    /** Ends a migration refused its slot: nothing was copied, paused or reserved, so there is nothing to undo. */
    private void refuse(String why) {
        givenUp = true;
        deadline.bound(listener.reached(ActionStatus.ABORTED, parts.scheduler().now(),
                        why + "; nothing was done, the original keeps serving"), "recording aborted")
                .whenComplete((v, f) -> outcome.complete(ActionStatus.ABORTED));
    }

    private CompletionStage<Void> pause() {
        if (original.service() == null) {
            return CompletableFuture.completedFuture(null);
        }
        paused = true;
        return parts.router().pause(original.service());
    }

    private String pausingNote() {
        return original.service() == null ? "serves no routed traffic: nothing to pause"
                : "holding new requests for service " + original.service();
    }

    /**
     * Records {@code status}, then runs {@code work} within the step timeout and the migration's;
     * {@code late} (may be null) undoes work that succeeds after it was cut short. Work whose state
     * was recorded only after the migration had given up (a slow store) is not started at all. The
     * step's clock starts before its state is recorded, so whoever reads the state finds the step
     * already bounded.
     */
    private <T> CompletionStage<T> step(ActionStatus status, String note, Supplier<CompletionStage<T>> work,
                                        Consumer<? super T> late) {
        CompletableFuture<Void> recorded = new CompletableFuture<>();
        CompletionStage<T> bounded = deadline.bound(recorded.thenCompose(v -> {
            if (expired.isDone()) {
                return expired.<T>thenApply(x -> null);
            }
            return givenUp ? CompletableFuture.<T>failedFuture(new StepFailure(status.wire() + " was not started:"
                    + " the migration had been given up")) : work.get();
        }), status.wire(), expired, late);
        listener.reached(status, parts.scheduler().now(), note).whenComplete((v, failure) -> {
            if (failure != null) {
                recorded.completeExceptionally(failure);
            } else {
                recorded.complete(null);
            }
        });
        return bounded;
    }


    /** From the switch on, only forward: the whole-migration timeout no longer applies. */
    private void goForward(ActionStatus lastRecorded) {
        if (!switching.compareAndSet(false, true)) {
            return;
        }
        Scheduler.Cancellable whole = overall;
        if (whole != null) {
            whole.cancel();
        }
        new MigrationSwitchOver(original, copy, slot, parts, listener, charge, release, deadline).run(lastRecorded)
                .whenComplete((status, f) -> outcome.complete(status));
    }

    private void rollBack(String why) {
        givenUp = true;
        rollback.run(why, paused).whenComplete((v, f) -> outcome.complete(ActionStatus.ABORTED));
    }

    private static String sized(Snapshot s) {
        return s == null ? "the snapshot" : "snapshot " + s.snapshotId() + " (" + s.bytes() + " bytes)";
    }

    /** The message of {@code failure}, past the wrappers of completion stages. */
    static String reason(Throwable failure) {
        Throwable t = unwrap(failure);
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Why a step did not succeed. */
    static class StepFailure extends RuntimeException {
        StepFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** Why the migration may not start: it was refused its slot, before anything was done. */
    static final class Refused extends StepFailure {
        Refused(String message) {
            super(message);
        }
    }
}

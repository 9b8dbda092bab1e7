package io.arbiter.actuation;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.ShadowSlot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Frees shadow slots that no migration needs any more, at start and then every {@code every}: a
 * slot held by an {@code aborted} migration (its release failed during the rollback, its copy could
 * not be terminated, or a step it had given up on succeeded late) has that migration's copy
 * terminated (idempotent, within the step timeout), then is released; a slot held by an action the
 * store does not know is released. A slot held by a migration still running, {@code completed} or
 * {@code failed} is kept: a completed or failed migration switched traffic to its copy, which runs
 * in the slot. Only the migrations of platforms this member arbitrates are handled, so that members
 * sharing a store do not work on each other's.
 */
public final class SlotReconciliation implements AutoCloseable {

    /** Where reconciliation learns who holds a slot and where the slot is. */
    public interface Holders {

        /** The action {@code actionId} as the store keeps it, if it does. */
        CompletionStage<Optional<ActionRecord>> action(String actionId);

        /** Shadow slot {@code slotId}, if it is registered. */
        CompletionStage<Optional<ShadowSlot>> slot(String slotId);
    }

    /** What one pass did: the slots it released, and those it could not free yet (with why). */
    public record Pass(List<String> released, List<String> problems) {
    }

    private final ShadowReservations reservations;
    private final Holders holders;
    private final PlatformDriver driver;
    private final Scheduler scheduler;
    private final Duration every;
    private final Deadline deadline;
    private final Predicate<String> owns;
    private final Consumer<Pass> report;
    private volatile Scheduler.Cancellable next;
    private volatile boolean closed;

    /**
     * @param every how long between passes
     * @param stepTimeout how long terminating a copy or releasing a slot may take
     * @param owns whether this member arbitrates a platform
     * @param report hears of each pass that released something or met a problem
     */
    public SlotReconciliation(ShadowReservations reservations, Holders holders, PlatformDriver driver,
                              Scheduler scheduler, Duration every, Duration stepTimeout, Predicate<String> owns,
                              Consumer<Pass> report) {
        this.reservations = reservations;
        this.holders = holders;
        this.driver = driver;
        this.scheduler = scheduler;
        this.every = every;
        this.deadline = new Deadline(scheduler, stepTimeout);
        this.owns = owns;
        this.report = report;
    }

    /** Runs a pass now, and one every {@code every} after each has ended, until closed. */
    public void start() {
        pass().whenComplete((p, f) -> {
            if (!closed) {
                next = scheduler.schedule(every, this::start);
            }
        });
    }

    /** One pass over the reservations held now. */
    public CompletionStage<Pass> pass() {
        return reservations.held().thenCompose(held -> {
            List<CompletableFuture<Outcome>> slots = new ArrayList<>();
            for (Map.Entry<String, String> e : held.entrySet()) {
                slots.add(reconcile(e.getKey(), e.getValue()).toCompletableFuture());
            }
            return CompletableFuture.allOf(slots.toArray(CompletableFuture[]::new)).thenApply(v -> {
                List<String> released = new ArrayList<>();
                List<String> problems = new ArrayList<>();
                for (CompletableFuture<Outcome> slot : slots) {
                    Outcome o = slot.join();
                    if (o.released()) {
                        released.add(o.slotId());
                    } else if (o.problem() != null) {
                        problems.add(o.problem());
                    }
                }
                Pass pass = new Pass(released, problems);
                if (!released.isEmpty() || !problems.isEmpty()) {
                    report.accept(pass);
                }
                return pass;
            });
        });
    }

    /** What became of one slot: released, kept (no problem), or kept for now because of a problem. */
    private record Outcome(String slotId, boolean released, String problem) {
    }

    private CompletionStage<Outcome> reconcile(String slotId, String actionId) {
        return holders.action(actionId).thenCompose(found -> {
            if (found.isEmpty() || found.get().type() != ActionType.MIGRATE) {
                return release(slotId, actionId);
            }
            ActionRecord migrate = found.get();
            if (migrate.status() != ActionStatus.ABORTED || !owns.test(migrate.platformId())) {
                return CompletableFuture.completedFuture(new Outcome(slotId, false, null));
            }
            return holders.slot(slotId)
                    .thenCompose(slot -> deadline.bound(driver.terminate(Migration.copyOf(Migration.remembered(migrate),
                            slot.orElseGet(() -> Migration.unregistered(slotId)), migrate.history().get(0).at())),
                            "terminating the copy of " + migrate.instanceId()))
                    .thenCompose(v -> release(slotId, actionId));
        }).exceptionally(f -> new Outcome(slotId, false, "slot " + slotId + " held by " + actionId + ": "
                + Migration.reason(f)));
    }

    private CompletionStage<Outcome> release(String slotId, String actionId) {
        return deadline.bound(reservations.release(slotId, actionId), "releasing slot " + slotId)
                .thenApply(v -> new Outcome(slotId, true, null));
    }

    /** Stops the passes to come; a pass under way finishes. */
    @Override
    public void close() {
        closed = true;
        Scheduler.Cancellable pending = next;
        if (pending != null) {
            pending.cancel();
        }
    }
}

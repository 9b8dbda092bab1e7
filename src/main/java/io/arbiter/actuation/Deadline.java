package io.arbiter.actuation;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Bounds one step of a migration: its work fails with "… took longer than the step timeout" once
 * the step timeout has passed, or with the migration's own reason when {@code abort} fails first
 * (the whole migration ran out of time). Work cut short may still succeed later — a slot reserved,
 * a copy brought up after all — and that success is handed to {@code late}, which undoes it.
 */
final class Deadline {

    private final Scheduler scheduler;
    private final Duration limit;

    Deadline(Scheduler scheduler, Duration limit) {
        this.scheduler = scheduler;
        this.limit = limit;
    }

    /** {@code work}, bounded; {@code what} names it in the failure. */
    <T> CompletionStage<T> bound(CompletionStage<T> work, String what) {
        return bound(work, what, null, null);
    }

    /**
     * {@code work}, bounded by the step timeout and by {@code abort} (null for none); when it is cut
     * short and then succeeds, {@code late} (null for none) receives what it answered.
     */
    <T> CompletionStage<T> bound(CompletionStage<T> work, String what, CompletionStage<?> abort,
                                 Consumer<? super T> late) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Scheduler.Cancellable timer = scheduler.schedule(limit, () -> cutShort(result, work,
                new Migration.StepFailure(what + " took longer than the step timeout of " + limit), late));
        result.whenComplete((v, f) -> timer.cancel());
        work.whenComplete((v, f) -> {
            if (f != null) {
                result.completeExceptionally(f);
            } else {
                result.complete(v);
            }
        });
        if (abort != null) {
            abort.whenComplete((v, f) -> {
                if (f != null) {
                    cutShort(result, work, f, late);
                }
            });
        }
        return result;
    }

    private static <T> void cutShort(CompletableFuture<T> result, CompletionStage<T> work, Throwable why,
                                     Consumer<? super T> late) {
        if (result.completeExceptionally(why) && late != null) {
            work.whenComplete((v, f) -> {
                if (f == null) {
                    late.accept(v);
                }
            });
        }
    }
}

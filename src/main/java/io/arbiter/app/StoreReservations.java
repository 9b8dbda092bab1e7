package io.arbiter.app;

import io.arbiter.actuation.ShadowReservations;
import io.arbiter.domain.ReservationOutcome;
import io.arbiter.ledger.DurableStore;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Shadow-slot reservations kept in the durable store (one row per slot), so that they are
 * exclusive across members sharing the database, bounded by the number of migrations running
 * across all of them, and survive a restart. Store calls run on the given threads, never on the
 * caller's.
 */
final class StoreReservations implements ShadowReservations {

    private final DurableStore store;
    private final Executor threads;

    StoreReservations(DurableStore store, Executor threads) {
        this.store = store;
        this.threads = threads;
    }

    @Override
    public CompletionStage<ReservationOutcome> reserve(String slotId, String actionId, int maxRunning) {
        return CompletableFuture.supplyAsync(() -> store.reserve(slotId, actionId, maxRunning), threads);
    }

    @Override
    public CompletionStage<Void> release(String slotId, String actionId) {
        return CompletableFuture.runAsync(() -> store.release(slotId, actionId), threads);
    }

    @Override
    public CompletionStage<Map<String, String>> held() {
        return CompletableFuture.supplyAsync(store::reservations, threads);
    }
}

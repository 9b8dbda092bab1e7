package io.arbiter.actuation;

import io.arbiter.domain.ReservationOutcome;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shadow-slot reservations in memory, with the store's rules (one holder per slot, re-entrant,
 * at most {@code maxRunning} held), and failures on demand: releases that fail, a reservation whose
 * answer the test gives later.
 */
public final class MemoryReservations implements ShadowReservations {

    /** Slot id to the action holding it. */
    public final Map<String, String> held = new ConcurrentHashMap<>();
    /** How many of the next releases fail (as a store that is down would). */
    public final AtomicInteger failingReleases = new AtomicInteger();
    /** When set, the next reservation answers only when the test completes this. */
    public volatile CompletableFuture<Void> reserveWaitsFor;

    @Override
    public CompletionStage<ReservationOutcome> reserve(String slotId, String actionId, int maxRunning) {
        CompletableFuture<Void> wait = reserveWaitsFor;
        reserveWaitsFor = null;
        return wait == null ? CompletableFuture.completedFuture(take(slotId, actionId, maxRunning))
                : wait.thenApply(v -> take(slotId, actionId, maxRunning));
    }

    private synchronized ReservationOutcome take(String slotId, String actionId, int maxRunning) {
        String holder = held.get(slotId);
        if (holder != null) {
            return holder.equals(actionId) ? ReservationOutcome.RESERVED : ReservationOutcome.HELD_BY_ANOTHER;
        }
        if (held.size() >= maxRunning) {
            return ReservationOutcome.LIMIT_REACHED;
        }
        held.put(slotId, actionId);
        return ReservationOutcome.RESERVED;
    }

    @Override
    public CompletionStage<Void> release(String slotId, String actionId) {
        if (failingReleases.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return CompletableFuture.failedFuture(new IllegalStateException("the store is down"));
        }
        held.remove(slotId, actionId);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Map<String, String>> held() {
        return CompletableFuture.completedFuture(Map.copyOf(held));
    }
}

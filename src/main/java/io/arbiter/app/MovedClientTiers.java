package io.arbiter.app;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Client;
import io.arbiter.domain.Decision;
import io.arbiter.grid.GridStore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Keeps, on a decision's {@code migrate}, {@code penalize} and {@code downgrade} actions, the SLA
 * tier each moved client has in the grid when the decision is taken (its own, before any downgrade
 * in force). The charge then needs nothing the grid may forget: the decision goes to the durable
 * store with it, and a lone node restarted between the switch and the charge downgrades from it.
 */
final class MovedClientTiers {

    private MovedClientTiers() {
    }

    /** {@code decision} with its moved clients' tiers kept; a decision that moves nothing, as it is. */
    static CompletionStage<Decision> kept(GridStore grid, Decision decision) {
        Map<String, CompletableFuture<Optional<Client>>> moved = new LinkedHashMap<>();
        for (ActionRecord a : decision.actions()) {
            if (a.type() == ActionType.MIGRATE) {
                moved.computeIfAbsent(a.clientId(), id -> grid.client(id).toCompletableFuture());
            }
        }
        if (moved.isEmpty()) {
            return CompletableFuture.completedFuture(decision);
        }
        return CompletableFuture.allOf(moved.values().toArray(CompletableFuture[]::new)).thenApply(done ->
                decision.withActions(decision.actions().stream().map(a -> charged(a) && moved.containsKey(a.clientId())
                        ? a.withSlaTier(moved.get(a.clientId()).join().map(Client::slaTier).orElse(null)) : a).toList()));
    }

    private static boolean charged(ActionRecord a) {
        return a.type() == ActionType.MIGRATE || a.type() == ActionType.PENALIZE || a.type() == ActionType.DOWNGRADE;
    }
}

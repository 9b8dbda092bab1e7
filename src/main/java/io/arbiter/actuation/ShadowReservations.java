package io.arbiter.actuation;

import io.arbiter.domain.ReservationOutcome;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Who holds which shadow slot: one migration per slot, kept durably so a restart finds every
 * reservation; and where the limit on concurrent migrations is enforced, atomically with taking the
 * slot (planning only estimates it, and decisions on different platforms are taken at once).
 */
public interface ShadowReservations {

    /**
     * Reserves {@code slotId} for {@code actionId}: {@code RESERVED} when it was free (and fewer than
     * {@code maxRunning} migrations were running) or already held by that action.
     */
    CompletionStage<ReservationOutcome> reserve(String slotId, String actionId, int maxRunning);

    /** Releases {@code slotId} if {@code actionId} holds it. */
    CompletionStage<Void> release(String slotId, String actionId);

    /** The reservations held now: slot id to the migrate action holding it. */
    CompletionStage<Map<String, String>> held();
}

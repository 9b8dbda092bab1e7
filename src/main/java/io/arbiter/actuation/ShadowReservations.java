package io.arbiter.actuation;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Who holds which shadow slot: one migration per slot, kept durably so a restart finds every reservation. */
public interface ShadowReservations {

    /** Reserves {@code slotId} for {@code actionId}: true when it was free or already held by that action. */
    CompletionStage<Boolean> reserve(String slotId, String actionId);

    /** Releases {@code slotId} if {@code actionId} holds it. */
    CompletionStage<Void> release(String slotId, String actionId);

    /** The reservations held now: slot id to the migrate action holding it. */
    CompletionStage<Map<String, String>> held();
}

package io.arbiter.ledger;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.Decision;
import io.arbiter.domain.LedgerEntry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What must survive the process: decisions, action states, ledger entries and shadow-slot
 * reservations. Every write is durable when the method returns, and idempotent on its id, so a
 * retry after a crash or a takeover changes nothing twice. Methods block: call them off event loops.
 */
public interface DurableStore extends AutoCloseable {

    /** Keeps {@code decision}; a decision already kept under its id is left as it was. */
    void saveDecision(Decision decision);

    /** Keeps the action's newest state and history; an older state never replaces a newer one. */
    void saveAction(ActionRecord action);

    /** The decision kept under {@code decisionId}, with its actions in their newest states. */
    Optional<Decision> decision(String decisionId);

    /** Every decision kept, oldest first, with its actions in their newest states. */
    List<Decision> decisions();

    /** Actions not yet in a final state, oldest decision first. */
    List<ActionRecord> unfinishedActions();

    /** Appends {@code entry}; false (and nothing written) when an entry with its id exists. */
    boolean append(LedgerEntry entry);

    /** A client's ledger entries, oldest first. */
    List<LedgerEntry> ledger(String clientId);

    /** Every downgrade in force at {@code at}, oldest first. */
    List<LedgerEntry> downgradesInForce(Instant at);

    /**
     * Reserves shadow slot {@code slotId} for migration action {@code actionId}: true when the slot
     * was free or is already held by that action, false when another action holds it.
     */
    boolean reserve(String slotId, String actionId);

    /** Releases {@code slotId} if {@code actionId} holds it; nothing otherwise. */
    void release(String slotId, String actionId);

    /** The reservations held now: slot id to action id. */
    Map<String, String> reservations();

    /** True when the store answers now (a trivial round trip of at most a few seconds); never throws. */
    boolean reachable();

    @Override
    void close();
}

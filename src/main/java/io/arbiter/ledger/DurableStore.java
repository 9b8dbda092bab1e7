package io.arbiter.ledger;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.Decision;
import io.arbiter.domain.LedgerEntry;
import io.arbiter.domain.ReservationOutcome;

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

    /**
     * Keeps {@code decision} as {@link #saveDecision} does, unless it is new and would take a client
     * past its disruption budget: more than {@code maxInterruptions} interrupt actions in decisions
     * taken at or after {@code since} (aborted ones excepted), this decision's own included. The
     * count and the write are one transaction, serialised with every such check of every member
     * sharing the store, so that decisions taken at the same time on other platforms cannot both
     * spend the last of a client's budget. Answers the clients the decision would take past their
     * budget, each with the interruptions the store already keeps for it, and then writes nothing;
     * answers an empty map when the decision is kept, or was kept already.
     */
    Map<String, Integer> saveDecisionWithinBudget(Decision decision, int maxInterruptions, Instant since);

    /** Keeps the action's newest state and history; an older state never replaces a newer one. */
    void saveAction(ActionRecord action);

    /** The decision kept under {@code decisionId}, with its actions in their newest states. */
    Optional<Decision> decision(String decisionId);

    /** The action kept under {@code actionId}, in its newest state. */
    Optional<ActionRecord> action(String actionId);

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
     * Reserves shadow slot {@code slotId} for migration action {@code actionId}, in one transaction
     * serialised with every other reservation of every member sharing the store: {@code RESERVED}
     * when the slot is already held by that action, or was free while fewer than {@code maxRunning}
     * migrations were running; {@code HELD_BY_ANOTHER} or {@code LIMIT_REACHED} (nothing written)
     * otherwise. A migration is running while it holds a slot and its action has not reached a
     * final state; a slot held by an action the store does not know counts as running too.
     */
    ReservationOutcome reserve(String slotId, String actionId, int maxRunning);

    /** Releases {@code slotId} if {@code actionId} holds it; nothing otherwise. */
    void release(String slotId, String actionId);

    /** The reservations held now: slot id to action id. */
    Map<String, String> reservations();

    /** True when the store answers now (a trivial round trip of at most a few seconds); never throws. */
    boolean reachable();

    @Override
    void close();
}

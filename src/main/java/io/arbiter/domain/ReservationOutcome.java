package io.arbiter.domain;

/**
 * What asking for a shadow slot for a migration came to. The durable store decides it in one
 * transaction, cluster-wide: the slot's holder and the number of migrations running are read and
 * the reservation written under one lock.
 */
public enum ReservationOutcome {
    /** The slot is held by the migration now (it was free, or the migration held it already). */
    RESERVED,
    /** Another migration holds the slot. */
    HELD_BY_ANOTHER,
    /** As many migrations as the limit allows are running (they hold slots and have not ended): none more may start. */
    LIMIT_REACHED
}

/**
 * Ledger and durable store: penalties and SLA downgrades (append-only), and the write-through copy
 * of decisions, action states and shadow-slot reservations that survives a restart. {@link
 * io.arbiter.ledger.DurableStore} is the contract; the JDBC implementation talks to PostgreSQL
 * through a connection pool with versioned schema migrations. Domain types only otherwise.
 */
package io.arbiter.ledger;

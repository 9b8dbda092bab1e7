/**
 * Ledger and durable store: penalties and SLA downgrades (append-only), and the write-through copy
 * of decisions, action states and shadow-slot reservations that survives a restart. {@link
 * io.arbiter.ledger.DurableStore} is the contract; {@link io.arbiter.ledger.JdbcStore} implements it
 * in PostgreSQL through a HikariCP pool with Flyway migrations ({@code db/migration}), and {@link
 * io.arbiter.ledger.EmbeddedDatabase} is the single-node default's own PostgreSQL. Domain types only
 * otherwise: no Vert.x, Hazelcast or Jackson here.
 */
package io.arbiter.ledger;

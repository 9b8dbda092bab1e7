/**
 * The HTTP face of Arbiter (Vert.x): route tables for events (HTTP and WebSocket), state reads and
 * operations, the cluster view, the live decision feed fed by the event bus
 * ({@link io.arbiter.http.EventBusAddresses}), JSON mapping of domain records, and error bodies. Handlers parse, call a service and
 * answer; decisions live elsewhere. May import every other package; the only Vert.x room besides
 * {@code app}'s wiring.
 */
package io.arbiter.http;

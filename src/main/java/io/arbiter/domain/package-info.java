/**
 * Arbiter's domain: the records and sealed types every other package speaks in — platforms,
 * clients with SLA tiers, instances with their kind and resources, usage samples, forecasts,
 * payments, demand signals, shadow slots, contentions and the events that carry them.
 *
 * <p>House rule: this package uses the JDK only. No Vert.x, Hazelcast, Drools or Jackson type
 * appears here, so the rules, the grid and the HTTP layer can all share it.
 */
package io.arbiter.domain;

/**
 * Actuation: carrying out a decision's actions on the platforms. {@link io.arbiter.actuation.PlatformDriver}
 * is what a platform must offer (graceful shutdown, forced termination, snapshot and restore, the
 * endpoint an instance serves on); {@link io.arbiter.actuation.TrafficRouter} switches a service's
 * traffic from one instance to another; {@link io.arbiter.actuation.Interruption} runs one interrupt
 * action (graceful, then forced after the grace period or when the graceful call fails) and reports
 * every state change; {@link io.arbiter.actuation.Migration} runs one migrate action as a saga (its
 * rollback in {@link io.arbiter.actuation.MigrationRollback}, the way from the switch to its end in
 * {@link io.arbiter.actuation.MigrationSwitchOver}, every step bounded by a
 * {@link io.arbiter.actuation.Deadline}), and {@link io.arbiter.actuation.SlotReconciliation} frees
 * the shadow slots migrations that ended no longer need; {@link io.arbiter.actuation.SimulatorDriver} is the embedded default,
 * deterministic under an injected {@link io.arbiter.actuation.Scheduler}, whose instances that carry a
 * service are live key-value HTTP backends on loopback (the JDK's HTTP server), so that snapshot and
 * restore move real state. Domain types only: the wiring hands in a scheduler backed by timers, tests
 * a manual one.
 */
package io.arbiter.actuation;

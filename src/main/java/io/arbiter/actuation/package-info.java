/**
 * Actuation: carrying out a decision's actions on the platforms. {@link io.arbiter.actuation.PlatformDriver}
 * is what a platform must offer (graceful shutdown, forced termination); {@link
 * io.arbiter.actuation.Interruption} runs one interrupt action (graceful, then forced after the grace
 * period or when the graceful call fails) and reports every state change; {@link
 * io.arbiter.actuation.SimulatorDriver} is the embedded default, deterministic under an injected
 * {@link io.arbiter.actuation.Scheduler}. Domain types only: the wiring hands in a scheduler backed by
 * Vert.x timers, tests a manual one.
 */
package io.arbiter.actuation;

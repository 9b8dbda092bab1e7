package io.arbiter.http;

import io.arbiter.actuation.SimulatorDriver;
import io.arbiter.grid.GridDecisionLog;
import io.arbiter.grid.GridScores;
import io.arbiter.grid.GridStore;
import io.arbiter.ingest.IngestMetrics;
import io.arbiter.ingest.Ingestor;
import io.arbiter.ledger.DurableStore;
import io.arbiter.policy.PolicyEngine;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Clock;
import java.util.List;

/**
 * The services the HTTP routes call, handed over by the application's wiring.
 *
 * @param simulator the simulator driver when it is the platform driver in use (its controls are
 *                  served), otherwise null
 * @param store the durable store (blocking: call it off event loops), for the ledger
 */
public record HttpServices(GridStore grid, GridScores scores, GridDecisionLog decisions, Ingestor ingestor,
                           IngestMetrics ingestMetrics, PolicyEngine policy, PolicyChanges policyChanges,
                           PlatformForecasts forecasts, Arbitrations arbitrations, SimulatorDriver simulator,
                           Clock clock, PrometheusMeterRegistry registry, List<ReadinessCheck> checks,
                           DurableStore store) {
}

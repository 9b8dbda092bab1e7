package io.arbiter.http;

import io.arbiter.grid.GridDecisionLog;
import io.arbiter.grid.GridScores;
import io.arbiter.grid.GridStore;
import io.arbiter.ingest.IngestMetrics;
import io.arbiter.ingest.Ingestor;
import io.arbiter.policy.PolicyEngine;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.List;

/** The services the HTTP routes call, handed over by the application's wiring. */
public record HttpServices(GridStore grid, GridScores scores, GridDecisionLog decisions, Ingestor ingestor,
                           IngestMetrics ingestMetrics, PolicyEngine policy, PolicyChanges policyChanges,
                           PlatformForecasts forecasts, PrometheusMeterRegistry registry, List<ReadinessCheck> checks) {
}

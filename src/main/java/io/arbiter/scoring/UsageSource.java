package io.arbiter.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Where clients' usage summaries come from (the grid, where each client's usage lives). */
public interface UsageSource {

    /**
     * Every client with usage, summarised at {@code now}: projections over {@code horizon}, decay by
     * {@code decay}, by client id. Clients with no usage yet are absent.
     */
    CompletionStage<Map<String, UsageSummary>> summaries(Instant now, Duration horizon, DecaySpec decay);
}

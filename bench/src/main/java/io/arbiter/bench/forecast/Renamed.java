package io.arbiter.bench.forecast;

import io.arbiter.scoring.Forecaster;
import io.arbiter.scoring.Projection;
import io.arbiter.scoring.UsageHistory;

import java.time.Duration;
import java.time.Instant;

/**
 * A forecaster under another name, for rows that show a variant of a product forecaster.
 *
 * @param name the name shown in the table
 * @param forecaster the forecaster that projects
 */
record Renamed(String name, Forecaster forecaster) implements Forecaster {

    @Override
    public Projection project(UsageHistory history, Instant now, Duration horizon) {
        return forecaster.project(history, now, horizon);
    }
}

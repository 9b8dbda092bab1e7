package io.arbiter.scoring;

import io.arbiter.domain.ClientForecast;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Chooses the projected need of a client: its own forecast when one is in force, otherwise the
 * model's projection.
 *
 * @param model the forecaster used when the client has no forecast in force
 */
public record ForecastSelector(Forecaster model) {

    /** Validates the model. */
    public ForecastSelector {
        Objects.requireNonNull(model, "model");
    }

    /** A selector that falls back to the {@linkplain Forecaster#shipped() shipped forecaster}. */
    public static ForecastSelector standard() {
        return new ForecastSelector(Forecaster.shipped());
    }

    /**
     * The client's forecast as a projection ({@link Projection#of}) if it is in force at
     * {@code now}, otherwise the model's projection over {@code horizon}.
     *
     * @param clientForecast the client's latest forecast, or {@code null} if it never sent one
     */
    public Projection select(ClientForecast clientForecast, UsageHistory history, Instant now, Duration horizon) {
        if (clientForecast != null && inForceAt(clientForecast, now)) {
            return Projection.of(clientForecast);
        }
        return model.project(history, now, horizon);
    }

    /**
     * Whether a client's forecast is in force at {@code now}: from when it was received until its
     * horizon has passed, {@code time <= now < time + horizon}.
     */
    public static boolean inForceAt(ClientForecast forecast, Instant now) {
        return !now.isBefore(forecast.time()) && now.isBefore(forecast.time().plus(forecast.horizon()));
    }
}

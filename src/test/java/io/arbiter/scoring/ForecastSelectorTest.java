package io.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.arbiter.domain.ClientForecast;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ForecastSelectorTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private final UsageHistory history = Histories.constant(NOW.minus(Duration.ofDays(2)), NOW, 1, 1);
    private final ForecastSelector selector = ForecastSelector.standard();

    /** A forecast of 16 cores and 64 GiB, received at {@code received}. */
    private static ClientForecast forecast(Instant received, Duration horizon) {
        return new ClientForecast("client-1", received, horizon, 16, 64);
    }

    @Test
    void theClientsForecastWinsWhileInForce() {
        ClientForecast forecast = forecast(NOW.minus(HOUR), Duration.ofHours(2));

        Projection projection = selector.select(forecast, history, NOW, HOUR);

        assertThat(projection).isEqualTo(new Projection(Projection.CLIENT_SOURCE, NOW.minus(HOUR), Duration.ofHours(2), 16, 64));
    }

    @Test
    void anExpiredForecastGivesWayToTheShippedForecaster() {
        ClientForecast forecast = forecast(NOW.minus(HOUR), HOUR);

        Projection projection = selector.select(forecast, history, NOW, HOUR);

        assertThat(projection.source()).isEqualTo("seasonal-peak");
        assertThat(projection.cpu()).isLessThan(2);
    }

    @Test
    void aForecastReceivedAfterNowIsNotYetInForce() {
        ClientForecast forecast = forecast(NOW.plusSeconds(1), HOUR);

        assertThat(selector.select(forecast, history, NOW, HOUR).source()).isEqualTo("seasonal-peak");
    }

    @Test
    void withoutAForecastTheModelProjects() {
        ForecastSelector lastValue = new ForecastSelector(Forecaster.lastValue());

        assertThat(lastValue.select(null, history, NOW, HOUR).source()).isEqualTo("last-value");
    }

    @Test
    void aForecastIsInForceFromWhenItWasReceivedUntilItsHorizonHasPassed() {
        ClientForecast forecast = forecast(NOW, HOUR);

        assertThat(ForecastSelector.inForceAt(forecast, NOW.minusMillis(1))).isFalse();
        assertThat(ForecastSelector.inForceAt(forecast, NOW)).isTrue();
        assertThat(ForecastSelector.inForceAt(forecast, NOW.plus(HOUR).minusMillis(1))).isTrue();
        assertThat(ForecastSelector.inForceAt(forecast, NOW.plus(HOUR))).isFalse();
    }
}

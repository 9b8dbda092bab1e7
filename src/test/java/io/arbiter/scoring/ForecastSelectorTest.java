package io.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ForecastSelectorTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private final UsageHistory history = Histories.constant(NOW.minus(Duration.ofDays(2)), NOW, 1, 1);
    private final ForecastSelector selector = ForecastSelector.standard();

    @Test
    void theClientsForecastWinsWhileInForce() {
        ClientForecast forecast = new ClientForecast(Duration.ofHours(2), 16, 64, NOW.minus(HOUR));

        Projection projection = selector.select(forecast, history, NOW, HOUR);

        assertThat(projection).isEqualTo(new Projection(ClientForecast.SOURCE, NOW.minus(HOUR), Duration.ofHours(2), 16, 64));
    }

    @Test
    void anExpiredForecastGivesWayToTheShippedForecaster() {
        ClientForecast forecast = new ClientForecast(HOUR, 16, 64, NOW.minus(HOUR));

        Projection projection = selector.select(forecast, history, NOW, HOUR);

        assertThat(projection.source()).isEqualTo("seasonal-peak");
        assertThat(projection.cpu()).isLessThan(2);
    }

    @Test
    void aForecastReceivedAfterNowIsNotYetInForce() {
        ClientForecast forecast = new ClientForecast(HOUR, 16, 64, NOW.plusSeconds(1));

        assertThat(selector.select(forecast, history, NOW, HOUR).source()).isEqualTo("seasonal-peak");
    }

    @Test
    void withoutAForecastTheModelProjects() {
        ForecastSelector lastValue = new ForecastSelector(Forecaster.lastValue());

        assertThat(lastValue.select(null, history, NOW, HOUR).source()).isEqualTo("last-value");
    }

    @Test
    void aForecastWithoutAPositiveHorizonIsRefused() {
        assertThatThrownBy(() -> new ClientForecast(Duration.ZERO, 1, 1, NOW)).hasMessageContaining("horizon");
    }
}

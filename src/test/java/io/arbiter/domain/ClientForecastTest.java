package io.arbiter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientForecastTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aForecastWithoutAPositiveHorizonIsRefused() {
        assertThatThrownBy(() -> new ClientForecast("client-1", RECEIVED, Duration.ZERO, 1, 1))
                .hasMessageContaining("horizon");
        assertThatThrownBy(() -> new ClientForecast("client-1", RECEIVED, HOUR.negated(), 1, 1))
                .hasMessageContaining("horizon");
    }

    @Test
    void aNegativeOrNonFiniteNeedIsRefused() {
        assertThatThrownBy(() -> new ClientForecast("client-1", RECEIVED, HOUR, -1, 1)).hasMessageContaining("-1.0");
        assertThatThrownBy(() -> new ClientForecast("client-1", RECEIVED, HOUR, 1, Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new ClientForecast("client-1", RECEIVED, HOUR, Double.POSITIVE_INFINITY, 1))
                .hasMessageContaining("Infinity");
    }

    @Test
    void aZeroNeedIsAccepted() {
        assertThat(new ClientForecast("client-1", RECEIVED, HOUR, 0, 0).cpu()).isZero();
    }
}

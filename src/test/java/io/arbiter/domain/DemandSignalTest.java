package io.arbiter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DemandSignalTest {

    private static final Instant SENT = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Test
    void aSignalIsInForceFromWhenItWasSentUntilItExpires() {
        DemandSignal signal = new DemandSignal("client-1", "queue-depth", 75, SENT, TEN_MINUTES);

        assertThat(signal.expiresAt()).isEqualTo(SENT.plus(TEN_MINUTES));
        assertThat(signal.inForceAt(SENT.minusMillis(1))).isFalse();
        assertThat(signal.inForceAt(SENT)).isTrue();
        assertThat(signal.inForceAt(signal.expiresAt().minusMillis(1))).isTrue();
        assertThat(signal.inForceAt(signal.expiresAt())).isFalse();
    }

    @Test
    void aTtlThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new DemandSignal("client-1", "x", 1, SENT, Duration.ZERO)).hasMessageContaining("ttl");
        assertThatThrownBy(() -> new DemandSignal("client-1", "x", 1, SENT, Duration.ofSeconds(-1)))
                .hasMessageContaining("ttl");
    }

    @Test
    void aValueThatIsNotFiniteIsRefused() {
        assertThatThrownBy(() -> new DemandSignal("client-1", "x", Double.NaN, SENT, TEN_MINUTES))
                .hasMessageContaining("value");
        assertThatThrownBy(() -> new DemandSignal("client-1", "x", Double.NEGATIVE_INFINITY, SENT, TEN_MINUTES))
                .hasMessageContaining("value");
    }
}

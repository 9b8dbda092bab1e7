package io.arbiter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FactorTest {

    @Test
    void aNormalisedValueOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new Factor("x", 0, -0.1)).hasMessageContaining("normalised");
        assertThatThrownBy(() -> new Factor("x", 0, 1.1)).hasMessageContaining("normalised");
        assertThatThrownBy(() -> new Factor("x", 0, Double.NaN)).hasMessageContaining("normalised");
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        assertThat(new Factor("x", 5, 0).normalized()).isZero();
        assertThat(new Factor("x", 5, 1).normalized()).isEqualTo(1.0);
    }
}

package io.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ForecasterTest {

    @Test
    void eachForecasterIsFoundByItsName() {
        for (String name : new String[] {"last-value", "vpa", "seasonal-peak"}) {
            assertThat(Forecaster.named(name).name()).isEqualTo(name);
        }
        assertThat(Forecaster.named("seasonal-peak")).isEqualTo(Forecaster.shipped());
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Forecaster.named("prophet")).hasMessageContaining("seasonal-peak");
    }
}

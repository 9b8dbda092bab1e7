package io.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arbiter.domain.Factor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaTiersTest {

    @Test
    void theDefaultTiersStepDownByAQuarter() {
        SlaTiers tiers = SlaTiers.standard();

        assertThat(tiers.factor("platinum")).isEqualTo(new Factor("sla", 1.0, 1.0));
        assertThat(tiers.factor("gold").normalized()).isEqualTo(0.75);
        assertThat(tiers.factor("silver").normalized()).isEqualTo(0.5);
        assertThat(tiers.factor("bronze").normalized()).isEqualTo(0.25);
    }

    @Test
    void thePolicyMaySetItsOwnTiers() {
        SlaTiers tiers = new SlaTiers(Map.of("gold", 0.9, "bronze", 0.1));

        assertThat(tiers.factor("gold").normalized()).isEqualTo(0.9);
        assertThatThrownBy(() -> tiers.factor("platinum")).hasMessageContaining("unknown SLA tier 'platinum'");
    }

    @Test
    void aFactorOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new SlaTiers(Map.of("gold", 1.5))).hasMessageContaining("gold");
    }
}

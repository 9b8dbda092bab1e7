package io.arbiter.app;

import io.arbiter.domain.Client;
import io.arbiter.domain.LedgerEntry;
import io.arbiter.domain.LedgerEntryType;
import io.arbiter.domain.SlaTier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlaDowngradesTest {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
    private static final Client GOLD = new Client("acme", "Acme", SlaTier.GOLD);

    private final List<LedgerEntry> kept = new ArrayList<>();
    private final List<Instant> reads = new ArrayList<>();
    private final SlaDowngrades downgrades = new SlaDowngrades(at -> {
        reads.add(at);
        return kept.stream().filter(e -> e.downgradeInForce(at)).toList();
    });

    private static LedgerEntry downgrade(String client, SlaTier to, Instant from, Duration lasting) {
        return new LedgerEntry("e-" + client + from, client, "d-1", LedgerEntryType.DOWNGRADE, null, null, SlaTier.GOLD,
                to, from.plus(lasting), from);
    }

    @Test
    void aClientIsScoredAtItsLowerTierUntilTheDowngradeEndsThenAtItsOwnAgain() {
        downgrades.add(downgrade("acme", SlaTier.SILVER, T0, Duration.ofDays(30)));

        assertThat(downgrades.effective(GOLD, T0.plusSeconds(1)).slaTier()).isEqualTo(SlaTier.SILVER);
        assertThat(downgrades.effective(GOLD, T0.plus(Duration.ofDays(29))).slaTier()).isEqualTo(SlaTier.SILVER);
        assertThat(downgrades.effective(GOLD, T0.plus(Duration.ofDays(30))).slaTier()).isEqualTo(SlaTier.GOLD);
    }

    @Test
    void aDowngradeAnotherMemberWroteIsSeenOnTheNextReadOfTheStore() {
        assertThat(downgrades.effective(GOLD, T0).slaTier()).isEqualTo(SlaTier.GOLD);
        kept.add(downgrade("acme", SlaTier.BRONZE, T0, Duration.ofDays(1)));

        assertThat(downgrades.effective(GOLD, T0.plus(SlaDowngrades.REFRESH).minusMillis(1)).slaTier())
                .as("not read again before the refresh interval").isEqualTo(SlaTier.GOLD);
        assertThat(downgrades.effective(GOLD, T0.plus(SlaDowngrades.REFRESH)).slaTier()).isEqualTo(SlaTier.BRONZE);
        assertThat(reads).hasSize(2);
    }

    @Test
    void otherClientsAreScoredAtTheirOwnTier() {
        downgrades.add(downgrade("other", SlaTier.BRONZE, T0, Duration.ofDays(1)));

        assertThat(downgrades.effective(GOLD, T0.plusSeconds(1))).isEqualTo(GOLD);
    }

    @Test
    void ofTwoDowngradesTheOneEndingLaterHolds() {
        downgrades.add(downgrade("acme", SlaTier.SILVER, T0, Duration.ofDays(30)));
        downgrades.add(downgrade("acme", SlaTier.BRONZE, T0.plusSeconds(10), Duration.ofDays(1)));

        assertThat(downgrades.effective(GOLD, T0.plus(Duration.ofDays(2))).slaTier()).isEqualTo(SlaTier.SILVER);
    }
}

package io.arbiter.http;

import io.arbiter.domain.LedgerEntry;
import io.arbiter.domain.LedgerEntryType;
import io.arbiter.domain.SlaTier;
import io.arbiter.testing.Http;
import io.arbiter.testing.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v1/ledger?clientId=}: a client's penalties and downgrades from the durable store. */
class LedgerIT {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private static TestNode node;
    private static Http http;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        http = node.http();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void withoutAClientIdTheAnswerIsA400NamingTheParameter() {
        for (String path : new String[] {"/v1/ledger", "/v1/ledger?clientId=", "/v1/ledger?clientId=%20"}) {
            Http.Answer answer = http.get(path);

            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.errors().getJsonObject(0).getString("field")).isEqualTo("clientId");
            assertThat(answer.errors().getJsonObject(0).getString("message")).contains("required");
        }
    }

    @Test
    void aClientsEntriesComeOldestFirstWithTheirAmountsAndTierChanges() {
        LedgerEntry downgrade = new LedgerEntry("d-1-3:downgrade", "moved", "d-1", LedgerEntryType.DOWNGRADE, null, null,
                SlaTier.GOLD, SlaTier.BRONZE, T0.plusSeconds(86_400), T0.plusSeconds(1));
        LedgerEntry penalty = new LedgerEntry("d-1-2:penalty", "moved", "d-1", LedgerEntryType.PENALTY,
                new BigDecimal("250.00"), "EUR", null, null, null, T0);
        node.store().append(downgrade);
        node.store().append(penalty);
        node.store().append(new LedgerEntry("x", "someone-else", "d-2", LedgerEntryType.PENALTY, BigDecimal.ONE, "EUR",
                null, null, null, T0));

        Http.Answer answer = http.get("/v1/ledger?clientId=moved");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonArray entries = answer.json().getJsonArray("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.getJsonObject(0)).isEqualTo(new JsonObject().put("entryId", "d-1-2:penalty")
                .put("clientId", "moved").put("decisionId", "d-1").put("type", "penalty").put("amount", "250.00")
                .put("currency", "EUR").put("time", "2026-12-03T10:00:00Z"));
        assertThat(entries.getJsonObject(1)).isEqualTo(new JsonObject().put("entryId", "d-1-3:downgrade")
                .put("clientId", "moved").put("decisionId", "d-1").put("type", "downgrade")
                .put("slaTier", new JsonObject().put("fromTier", "gold").put("toTier", "bronze")
                        .put("until", "2026-12-04T10:00:00Z"))
                .put("time", "2026-12-03T10:00:01Z"));
    }

    @Test
    void aClientWithNoEntriesHasAnEmptyLedger() {
        Http.Answer answer = http.get("/v1/ledger?clientId=nobody");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getJsonArray("entries")).isEmpty();
    }
}

package io.arbiter.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.domain.ContentionReason;
import io.arbiter.domain.Event;
import io.arbiter.domain.FieldError;
import io.arbiter.domain.Severity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final List<FieldError> errors = new ArrayList<>();

    private Event decode(String json) throws Exception {
        JsonNode node = Json.MAPPER.readTree(json);
        return EventDecoder.decode(node, 7, NOW, errors);
    }

    private List<String> fields() {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void anEventWithoutTimeTakesTheTimeItWasReceived() throws Exception {
        Event e = decode("{\"id\":\"e\",\"type\":\"instance.stopped\",\"instanceId\":\"i\"}");

        assertThat(e.time()).isEqualTo(NOW);
        assertThat(errors).isEmpty();
    }

    @Test
    void aContentionIsDecodedWithItsNeedAndBeneficiary() throws Exception {
        Event e = decode("{\"id\":\"e\",\"type\":\"contention\",\"time\":\"2026-12-03T09:00:00Z\",\"platformId\":\"p\","
                + "\"reason\":\"hardware-failure\",\"severity\":\"extreme\",\"need\":{\"cpu\":8,\"memoryGiB\":32},"
                + "\"beneficiary\":\"acme\"}");

        Event.ContentionReported c = (Event.ContentionReported) e;
        assertThat(c.time()).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
        assertThat(c.contention().reason()).isEqualTo(ContentionReason.HARDWARE_FAILURE);
        assertThat(c.contention().severity()).isEqualTo(Severity.EXTREME);
        assertThat(c.contention().need().memoryGiB()).isEqualTo(32);
        assertThat(c.contention().beneficiary()).isEqualTo("acme");
    }

    @Test
    void aPaymentTakesMoneyAsADecimalStringAndDatesOrInstants() throws Exception {
        Event e = decode("{\"id\":\"e\",\"type\":\"payment\",\"clientId\":\"c\",\"invoiceId\":\"inv-1\","
                + "\"amount\":\"120.50\",\"currency\":\"EUR\",\"dueDate\":\"2026-11-01\",\"paidDate\":null}");

        Event.PaymentReported p = (Event.PaymentReported) e;
        assertThat(p.payment().amount()).isEqualTo(new BigDecimal("120.50"));
        assertThat(p.payment().dueDate()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(p.payment().paidDate()).isNull();
    }

    @Test
    void aDemandSignalNeedsAPositiveTtl() throws Exception {
        assertThat(decode("{\"id\":\"e\",\"type\":\"demand\",\"clientId\":\"c\",\"signal\":\"queue\",\"value\":3,"
                + "\"ttl\":\"PT5M\"}")).isInstanceOfSatisfying(Event.DemandReported.class,
                d -> assertThat(d.signal().ttl()).isEqualTo(Duration.ofMinutes(5)));
        assertThat(decode("{\"id\":\"e2\",\"type\":\"demand\",\"clientId\":\"c\",\"signal\":\"queue\",\"value\":3,"
                + "\"ttl\":\"-PT5M\"}")).isNull();
        assertThat(fields()).containsExactly("ttl");
    }

    @Test
    void everyBadFieldIsReportedWithTheEventsIndex() throws Exception {
        Event e = decode("{\"id\":\"\",\"type\":\"forecast\",\"clientId\":5,\"horizon\":\"an hour\",\"cpu\":-1,"
                + "\"memoryGiB\":\"2\",\"colour\":\"red\"}");

        assertThat(e).isNull();
        assertThat(fields()).containsExactlyInAnyOrder("id", "clientId", "horizon", "cpu", "memoryGiB", "colour");
        assertThat(errors).allSatisfy(err -> assertThat(err.index()).isEqualTo(7));
    }

    @Test
    void aClientUpdateMustChangeSomething() throws Exception {
        assertThat(decode("{\"id\":\"e\",\"type\":\"client.updated\",\"clientId\":\"c\"}")).isNull();
        assertThat(errors.get(0).message()).contains("name or slaTier is required");
    }

    @Test
    void aCurrencyIsAnIsoCode() throws Exception {
        decode("{\"id\":\"e\",\"type\":\"payment\",\"clientId\":\"c\",\"invoiceId\":\"i\",\"amount\":\"1\","
                + "\"currency\":\"euro\",\"dueDate\":\"2026-11-01\"}");
        assertThat(fields()).containsExactly("currency");
    }

    @Test
    void idsWithControlCharactersAreRefused() throws Exception {
        decode("{\"id\":\"a\\u0000b\",\"type\":\"instance.stopped\",\"instanceId\":\"i\"}");
        assertThat(fields()).containsExactly("id");
    }
}

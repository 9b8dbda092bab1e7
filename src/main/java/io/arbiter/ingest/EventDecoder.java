package io.arbiter.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.domain.Client;
import io.arbiter.domain.ClientForecast;
import io.arbiter.domain.Contention;
import io.arbiter.domain.ContentionReason;
import io.arbiter.domain.DemandSignal;
import io.arbiter.domain.Event;
import io.arbiter.domain.EventType;
import io.arbiter.domain.FieldError;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceKind;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.Payment;
import io.arbiter.domain.Platform;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Severity;
import io.arbiter.domain.ShadowSlot;
import io.arbiter.domain.SlaTier;
import io.arbiter.domain.UsageSample;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Decodes one JSON event into a domain {@link Event}, as API.md describes each type. Every problem
 * is recorded as a {@link FieldError} naming the event's index and the field; unknown fields are
 * refused so that a misspelt optional field is not silently dropped.
 */
public final class EventDecoder {

    private EventDecoder() {
    }

    /**
     * Decodes {@code node}; returns null when it has errors (added to {@code errors}).
     *
     * @param receivedAt the time taken when the event has no {@code time}
     */
    public static Event decode(JsonNode node, int index, Instant receivedAt, List<FieldError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(new FieldError(index, "", "must be a JSON object"));
            return null;
        }
        int before = errors.size();
        FieldReader f = new FieldReader(node, index, "", errors);
        String id = f.text("id");
        EventType type = f.choice("type", EventType.class);
        Instant time = f.instant("time", receivedAt);
        Event event = type == null ? null : decodeBody(type, id, time, f);
        if (type != null) {
            f.refuseUnknown();
        }
        return errors.size() == before ? event : null;
    }

    private static Event decodeBody(EventType type, String id, Instant time, FieldReader f) {
        return switch (type) {
            case PLATFORM_REGISTERED -> platformRegistered(id, time, f);
            case CLIENT_REGISTERED -> clientRegistered(id, time, f);
            case CLIENT_UPDATED -> clientUpdated(id, time, f);
            case INSTANCE_STARTED -> instanceStarted(id, time, f);
            case INSTANCE_STOPPED -> instanceStopped(id, time, f);
            case USAGE -> usage(id, time, f);
            case FORECAST -> forecast(id, time, f);
            case PAYMENT -> payment(id, time, f);
            case DEMAND -> demand(id, time, f);
            case SHADOW_REGISTERED -> shadowRegistered(id, time, f);
            case CONTENTION -> contention(id, time, f);
        };
    }

    private static Event platformRegistered(String id, Instant time, FieldReader f) {
        String platformId = f.text("platformId");
        String datacentre = f.text("datacentre");
        String zone = f.text("zone");
        Resources capacity = f.resources("capacity");
        return allPresent(id, time, platformId, datacentre, zone, capacity)
                ? new Event.PlatformRegistered(id, time, new Platform(platformId, datacentre, zone, capacity)) : null;
    }

    private static Event clientRegistered(String id, Instant time, FieldReader f) {
        String clientId = f.text("clientId");
        String name = f.text("name");
        SlaTier tier = f.choice("slaTier", SlaTier.class);
        return allPresent(id, time, clientId, name, tier)
                ? new Event.ClientRegistered(id, time, new Client(clientId, name, tier)) : null;
    }

    private static Event clientUpdated(String id, Instant time, FieldReader f) {
        String clientId = f.text("clientId");
        boolean hasName = f.has("name");
        boolean hasTier = f.has("slaTier");
        String name = f.optionalText("name");
        SlaTier tier = f.optionalChoice("slaTier", SlaTier.class);
        if (!hasName && !hasTier) {
            f.error("name", "name or slaTier is required in a client.updated event");
            return null;
        }
        return allPresent(id, time, clientId) && (name != null || !hasName) && (tier != null || !hasTier)
                ? new Event.ClientUpdated(id, time, clientId, name, tier) : null;
    }

    private static Event instanceStarted(String id, Instant time, FieldReader f) {
        String instanceId = f.text("instanceId");
        String clientId = f.text("clientId");
        String platformId = f.text("platformId");
        InstanceKind kind = f.choice("kind", InstanceKind.class);
        Resources resources = f.resources("resources");
        boolean hasService = f.has("service");
        String service = f.optionalText("service");
        return allPresent(id, time, instanceId, clientId, platformId, kind, resources) && (service != null || !hasService)
                ? new Event.InstanceStarted(id, time, new Instance(instanceId, clientId, platformId, kind, resources,
                service, time, InstanceState.RUNNING)) : null;
    }

    private static Event instanceStopped(String id, Instant time, FieldReader f) {
        String instanceId = f.text("instanceId");
        return allPresent(id, time, instanceId) ? new Event.InstanceStopped(id, time, instanceId) : null;
    }

    private static Event usage(String id, Instant time, FieldReader f) {
        String instanceId = f.text("instanceId");
        double cpu = f.nonNegative("cpu");
        double memory = f.nonNegative("memoryGiB");
        double network = f.nonNegative("networkMbps");
        return allPresent(id, time, instanceId) && allNumbers(cpu, memory, network)
                ? new Event.UsageReported(id, time, new UsageSample(instanceId, time, cpu, memory, network)) : null;
    }

    private static Event forecast(String id, Instant time, FieldReader f) {
        String clientId = f.text("clientId");
        Duration horizon = f.positiveDuration("horizon");
        double cpu = f.nonNegative("cpu");
        double memory = f.nonNegative("memoryGiB");
        return allPresent(id, time, clientId, horizon) && allNumbers(cpu, memory)
                ? new Event.ForecastReported(id, time, new ClientForecast(clientId, time, horizon, cpu, memory)) : null;
    }

    private static Event payment(String id, Instant time, FieldReader f) {
        String clientId = f.text("clientId");
        String invoiceId = f.text("invoiceId");
        BigDecimal amount = f.money("amount");
        String currency = f.currency("currency");
        Instant due = f.date("dueDate", true);
        boolean hasPaid = f.has("paidDate");
        Instant paid = f.date("paidDate", false);
        return allPresent(id, time, clientId, invoiceId, amount, currency, due) && (paid != null || !hasPaid)
                ? new Event.PaymentReported(id, time, new Payment(clientId, invoiceId, amount, currency, due, paid))
                : null;
    }

    private static Event demand(String id, Instant time, FieldReader f) {
        String clientId = f.text("clientId");
        String signal = f.text("signal");
        double value = f.number("value");
        Duration ttl = f.positiveDuration("ttl");
        return allPresent(id, time, clientId, signal, ttl) && allNumbers(value)
                ? new Event.DemandReported(id, time, new DemandSignal(clientId, signal, value, time, ttl)) : null;
    }

    private static Event shadowRegistered(String id, Instant time, FieldReader f) {
        String slotId = f.text("slotId");
        String platformId = f.text("platformId");
        Resources capacity = f.resources("capacity");
        return allPresent(id, time, slotId, platformId, capacity)
                ? new Event.ShadowRegistered(id, time, new ShadowSlot(slotId, platformId, capacity)) : null;
    }

    private static Event contention(String id, Instant time, FieldReader f) {
        String platformId = f.text("platformId");
        ContentionReason reason = f.choice("reason", ContentionReason.class);
        Severity severity = f.choice("severity", Severity.class);
        Resources need = f.resources("need");
        boolean hasBeneficiary = f.has("beneficiary");
        String beneficiary = f.optionalText("beneficiary");
        return allPresent(id, time, platformId, reason, severity, need) && (beneficiary != null || !hasBeneficiary)
                ? new Event.ContentionReported(id, time, new Contention(platformId, reason, severity, need, beneficiary))
                : null;
    }

    private static boolean allPresent(Object... values) {
        for (Object v : values) {
            if (v == null) {
                return false;
            }
        }
        return true;
    }

    private static boolean allNumbers(double... values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }
}

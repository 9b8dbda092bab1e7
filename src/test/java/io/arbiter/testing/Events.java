package io.arbiter.testing;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** Builders of well-formed events, as producers send them (API.md). */
public final class Events {

    private Events() {
    }

    public static JsonObject platform(String id, String platformId, double cpu, double memoryGiB) {
        return new JsonObject().put("id", id).put("type", "platform.registered").put("platformId", platformId)
                .put("datacentre", "dc1").put("zone", "z1")
                .put("capacity", new JsonObject().put("cpu", cpu).put("memoryGiB", memoryGiB));
    }

    public static JsonObject client(String id, String clientId, String tier) {
        return new JsonObject().put("id", id).put("type", "client.registered").put("clientId", clientId)
                .put("name", clientId + " Ltd").put("slaTier", tier);
    }

    /** A {@code client.updated} giving the client a new name and SLA tier. */
    public static JsonObject clientUpdated(String id, String clientId, String name, String tier) {
        return new JsonObject().put("id", id).put("type", "client.updated").put("clientId", clientId)
                .put("name", name).put("slaTier", tier);
    }

    public static JsonObject instance(String id, String instanceId, String clientId, String platformId, String kind,
                                      double cpu, double memoryGiB) {
        return new JsonObject().put("id", id).put("type", "instance.started").put("instanceId", instanceId)
                .put("clientId", clientId).put("platformId", platformId).put("kind", kind)
                .put("resources", new JsonObject().put("cpu", cpu).put("memoryGiB", memoryGiB));
    }

    public static JsonObject instanceStopped(String id, String instanceId) {
        return new JsonObject().put("id", id).put("type", "instance.stopped").put("instanceId", instanceId);
    }

    /** The client's own projected need over {@code horizon} (an ISO-8601 duration). */
    public static JsonObject forecast(String id, String clientId, String horizon, double cpu, double memoryGiB) {
        return new JsonObject().put("id", id).put("type", "forecast").put("clientId", clientId).put("horizon", horizon)
                .put("cpu", cpu).put("memoryGiB", memoryGiB);
    }

    /** An invoice of {@code amount} (a decimal string); {@code paidDate} null while unpaid. */
    public static JsonObject payment(String id, String clientId, String invoiceId, String amount, String currency,
                                     Instant dueDate, Instant paidDate) {
        JsonObject p = new JsonObject().put("id", id).put("type", "payment").put("clientId", clientId)
                .put("invoiceId", invoiceId).put("amount", amount).put("currency", currency)
                .put("dueDate", dueDate.toString());
        return paidDate == null ? p.putNull("paidDate") : p.put("paidDate", paidDate.toString());
    }

    /** A demand signal in force for {@code ttl} (an ISO-8601 duration). */
    public static JsonObject demand(String id, String clientId, String signal, double value, String ttl) {
        return new JsonObject().put("id", id).put("type", "demand").put("clientId", clientId).put("signal", signal)
                .put("value", value).put("ttl", ttl);
    }

    /** A {@code capacity} contention of {@code severity} wanting {@code cpu} cores; {@code beneficiary} may be null. */
    public static JsonObject contention(String id, String platformId, String severity, double cpu, String beneficiary) {
        JsonObject c = new JsonObject().put("id", id).put("type", "contention").put("platformId", platformId)
                .put("reason", "capacity").put("severity", severity)
                .put("need", new JsonObject().put("cpu", cpu).put("memoryGiB", 0));
        return beneficiary == null ? c : c.put("beneficiary", beneficiary);
    }

    public static JsonObject shadowSlot(String id, String slotId, String platformId, double cpu, double memoryGiB) {
        return new JsonObject().put("id", id).put("type", "shadow.registered").put("slotId", slotId)
                .put("platformId", platformId)
                .put("capacity", new JsonObject().put("cpu", cpu).put("memoryGiB", memoryGiB));
    }

    public static JsonObject usage(String id, String instanceId, double cpu, double memoryGiB, double networkMbps) {
        return new JsonObject().put("id", id).put("type", "usage").put("instanceId", instanceId).put("cpu", cpu)
                .put("memoryGiB", memoryGiB).put("networkMbps", networkMbps);
    }
}

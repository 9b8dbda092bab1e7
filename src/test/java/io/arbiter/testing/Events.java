package io.arbiter.testing;

import io.vertx.core.json.JsonObject;

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

    public static JsonObject instance(String id, String instanceId, String clientId, String platformId, String kind,
                                      double cpu, double memoryGiB) {
        return new JsonObject().put("id", id).put("type", "instance.started").put("instanceId", instanceId)
                .put("clientId", clientId).put("platformId", platformId).put("kind", kind)
                .put("resources", new JsonObject().put("cpu", cpu).put("memoryGiB", memoryGiB));
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

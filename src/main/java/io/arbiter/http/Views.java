package io.arbiter.http;

import io.arbiter.domain.Client;
import io.arbiter.domain.Instance;
import io.arbiter.domain.PlatformView;
import io.arbiter.domain.Resources;
import io.arbiter.domain.UsageAggregate;
import io.arbiter.scoring.PlatformForecast;
import io.vertx.core.json.JsonObject;

/** JSON views of domain records, with the field names of API.md. */
final class Views {

    private Views() {
    }

    static JsonObject resources(Resources r) {
        return new JsonObject().put("cpu", r.cpu()).put("memoryGiB", r.memoryGiB());
    }

    static JsonObject platform(PlatformView v) {
        return new JsonObject()
                .put("platformId", v.platform().platformId())
                .put("datacentre", v.platform().datacentre())
                .put("zone", v.platform().zone())
                .put("capacity", resources(v.platform().capacity()))
                .put("allocated", resources(v.allocated()))
                .put("free", resources(v.free()))
                .put("instances", new JsonObject()
                        .put("interruptible", v.interruptibleInstances())
                        .put("uninterruptible", v.uninterruptibleInstances()));
    }

    static JsonObject instance(Instance i, UsageAggregate usage) {
        JsonObject json = new JsonObject()
                .put("instanceId", i.instanceId())
                .put("clientId", i.clientId())
                .put("platformId", i.platformId())
                .put("kind", i.kind().wire())
                .put("resources", resources(i.resources()))
                .put("startedAt", i.startedAt().toString())
                .put("state", i.state().wire());
        if (i.service() != null) {
            json.put("service", i.service());
        }
        if (usage != null && usage.latest() != null) {
            json.put("usage", new JsonObject()
                    .put("samples", usage.samples())
                    .put("latestAt", usage.latestTime().toString())
                    .put("cpu", usage.latest().cpu())
                    .put("memoryGiB", usage.latest().memoryGiB())
                    .put("networkMbps", usage.latest().networkMbps()));
        }
        return json;
    }

    static JsonObject forecast(PlatformForecast f) {
        return new JsonObject()
                .put("platformId", f.platformId())
                .put("horizon", f.horizon().toString())
                .put("capacity", resources(f.capacity()))
                .put("projected", resources(f.projected()))
                .put("share", new JsonObject().put("cpu", f.cpuShare()).put("memoryGiB", f.memoryShare()))
                .put("threshold", f.threshold())
                .put("runningInstances", f.instances())
                .put("contentionPredicted", f.contentionPredicted());
    }

    static JsonObject client(Client c) {
        return new JsonObject().put("clientId", c.clientId()).put("name", c.name()).put("slaTier", c.slaTier().wire());
    }
}

package io.arbiter.http;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.Client;
import io.arbiter.domain.Contention;
import io.arbiter.domain.Decision;
import io.arbiter.domain.Instance;
import io.arbiter.domain.LedgerEntry;
import io.arbiter.domain.PlatformView;
import io.arbiter.domain.Resources;
import io.arbiter.domain.UsageAggregate;
import io.arbiter.scoring.PlatformForecast;
import io.vertx.core.json.JsonArray;
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

    static JsonObject decision(Decision d) {
        JsonArray actions = new JsonArray();
        d.actions().forEach(a -> actions.add(action(a)));
        JsonObject excluded = new JsonObject();
        d.excluded().forEach(excluded::put);
        Contention c = d.contention();
        JsonObject trigger = new JsonObject().put("id", d.trigger()).put("selfRaised", d.selfRaised())
                .put("reason", c.reason().wire()).put("severity", c.severity().wire()).put("need", resources(c.need()));
        if (c.beneficiary() != null) {
            trigger.put("beneficiary", c.beneficiary());
        }
        return new JsonObject()
                .put("decisionId", d.decisionId())
                .put("platformId", d.platformId())
                .put("trigger", trigger)
                .put("ruleRevision", d.ruleRevision())
                .put("policyVersion", d.policyVersion())
                .put("decidedAt", d.decidedAt().toString())
                .put("wanted", resources(d.wanted()))
                .put("shortfall", resources(d.shortfall()))
                .put("actions", actions)
                .put("excluded", excluded)
                .put("rulesFired", new JsonArray(d.rulesFired()))
                .put("explanation", d.explanation());
    }

    /** An action as a decision lists it: with the note of its newest state once it has moved on from pending. */
    static JsonObject action(ActionRecord a) {
        JsonObject json = new JsonObject().put("actionId", a.actionId()).put("type", a.type().wire())
                .put("instanceId", a.instanceId()).put("clientId", a.clientId()).put("cvs", a.cvs())
                .put("reason", a.reason()).put("status", a.status().wire());
        if (a.target() != null) {
            json.put("shadowSlot", a.target());
        }
        if (a.history().size() > 1) {
            json.put("note", a.history().get(a.history().size() - 1).note());
        }
        return json;
    }

    static JsonObject actionWithHistory(ActionRecord a) {
        JsonArray history = new JsonArray();
        a.history().forEach(s -> history.add(new JsonObject().put("status", s.status().wire())
                .put("at", s.at().toString()).put("note", s.note())));
        return action(a).put("decisionId", a.decisionId()).put("platformId", a.platformId()).put("history", history);
    }

    static JsonObject client(Client c) {
        return new JsonObject().put("clientId", c.clientId()).put("name", c.name()).put("slaTier", c.slaTier().wire());
    }

    /** A ledger entry; {@code amount} as a decimal string, {@code slaTier} only for a tier change. */
    static JsonObject ledgerEntry(LedgerEntry e) {
        JsonObject json = new JsonObject().put("entryId", e.entryId()).put("clientId", e.clientId())
                .put("decisionId", e.decisionId()).put("type", e.type().wire());
        if (e.amount() != null) {
            json.put("amount", e.amount().toPlainString()).put("currency", e.currency());
        }
        if (e.fromTier() != null || e.toTier() != null) {
            JsonObject tier = new JsonObject();
            if (e.fromTier() != null) {
                tier.put("fromTier", e.fromTier().wire());
            }
            if (e.toTier() != null) {
                tier.put("toTier", e.toTier().wire());
            }
            if (e.until() != null) {
                tier.put("until", e.until().toString());
            }
            json.put("slaTier", tier);
        }
        return json.put("time", e.time().toString());
    }
}

package io.arbiter.http;

import io.arbiter.domain.Client;
import io.arbiter.domain.ClientForecast;
import io.arbiter.domain.ClientScore;
import io.arbiter.domain.FactorContribution;
import io.arbiter.domain.FieldError;
import io.arbiter.grid.GridScores;
import io.arbiter.grid.GridStore;
import io.arbiter.policy.PolicyEngine;
import io.arbiter.scoring.ClientUsage;
import io.arbiter.scoring.ForecastSelector;
import io.arbiter.scoring.Projection;
import io.arbiter.scoring.UsageSlot;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Clients and their value scores, explained like Slurm's {@code sprio}: each factor's raw and
 * normalised value, weight and contribution, the rules that changed the sum, the rule revision and
 * when it was computed.
 *
 * <pre>
 * curl -s localhost:8080/v1/clients/acme
 * curl -s localhost:8080/v1/clients/acme/usage          # usage history and projected need
 * curl -s 'localhost:8080/v1/clients?order=cvs&amp;limit=10'    # lowest CVS first
 * </pre>
 */
final class ClientRoutes {

    static final int MAX_LIMIT = 10_000;

    private final GridStore grid;
    private final GridScores scores;
    private final PolicyEngine policy;
    private final Clock clock;

    ClientRoutes(GridStore grid, GridScores scores, PolicyEngine policy, Clock clock) {
        this.grid = grid;
        this.scores = scores;
        this.policy = policy;
        this.clock = clock;
    }

    void register(Router router) {
        router.get("/v1/clients/:id").handler(this::client);
        router.get("/v1/clients/:id/usage").handler(this::usage);
        router.get("/v1/clients").handler(this::list);
    }

    private void client(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        StateRoutes.answer(ctx, "client", grid.client(id).thenCombine(scores.score(id),
                (client, score) -> client.map(c -> view(c, score.orElse(null)))), json -> json);
    }

    /** The client's usage history (5-minute slots for a day, hourly before) and its projected need. */
    private void usage(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Instant now = clock.instant();
        Duration horizon = policy.current().policy().policy().forecast().horizon();
        var lookup = grid.client(id).thenCompose(client -> client.isEmpty()
                ? CompletableFuture.completedFuture(Optional.<JsonObject>empty())
                : grid.clientUsage(id).thenCombine(grid.forecast(id), (usage, own) ->
                        Optional.of(usageView(id, usage.orElse(null), own.orElse(null), now, horizon))));
        StateRoutes.answer(ctx, "client", lookup, json -> json);
    }

    private static JsonObject usageView(String id, ClientUsage usage, ClientForecast own, Instant now,
                                        Duration horizon) {
        JsonObject json = new JsonObject().put("clientId", id).put("at", now.toString());
        JsonArray slots = new JsonArray();
        if (usage == null) {
            return json.put("slots", slots).putNull("projection");
        }
        for (UsageSlot s : usage.history().window(now)) {
            if (s.count() > 0) {
                slots.add(new JsonObject().put("start", Instant.ofEpochSecond(s.startEpochSecond()).toString())
                        .put("seconds", s.seconds()).put("cpuMean", s.cpuMean()).put("cpuPeak", s.cpuPeak())
                        .put("memoryMean", s.memoryMean()).put("memoryPeak", s.memoryPeak()));
            }
        }
        Projection p = usage.summarize(now, horizon, ForecastSelector.standard(), own).projection();
        return json.put("slots", slots).put("projection", new JsonObject().put("source", p.source())
                .put("from", p.from().toString()).put("horizon", p.horizon().toString()).put("cpu", p.cpu())
                .put("memoryGiB", p.memoryGiB()));
    }

    private void list(RoutingContext ctx) {
        String order = ctx.queryParams().get("order");
        if (order != null && !order.equals("cvs")) {
            Responses.json(ctx, 400, Responses.fieldErrors(List.of(new FieldError(-1, "order",
                    "the only order is cvs (lowest first)"))));
            return;
        }
        Integer limit = Responses.limit(ctx, 100, MAX_LIMIT);
        if (limit == null) {
            return;
        }
        Future.fromCompletionStage(scores.lowest(limit), ctx.vertx().getOrCreateContext()).onComplete(result -> {
            if (result.failed()) {
                Responses.error(ctx, 503, "the grid did not answer: " + result.cause().getMessage());
                return;
            }
            JsonArray list = new JsonArray();
            result.result().forEach(s -> list.add(new JsonObject().put("clientId", s.clientId())
                    .put("slaTier", s.slaTier().wire()).put("cvs", s.cvs()).put("ruleRevision", s.ruleRevision())
                    .put("policyVersion", s.policyVersion()).put("computedAt", s.computedAt().toString())));
            Responses.json(ctx, 200, new JsonObject().put("order", "cvs").put("clients", list));
        });
    }

    static JsonObject view(Client c, ClientScore score) {
        JsonObject json = Views.client(c);
        if (score == null) {
            return json.putNull("cvs").put("factors", new JsonArray());
        }
        JsonArray factors = new JsonArray();
        for (FactorContribution f : score.factors()) {
            factors.add(new JsonObject().put("name", f.name()).put("raw", f.raw()).put("normalized", f.normalized())
                    .put("weight", f.weight()).put("contribution", f.contribution()));
        }
        return json.put("cvs", score.cvs()).put("factors", factors)
                .put("adjustedBy", new JsonArray(score.adjustments()))
                .put("ruleRevision", score.ruleRevision()).put("policyVersion", score.policyVersion())
                .put("computedAt", score.computedAt().toString());
    }
}

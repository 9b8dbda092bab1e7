package io.arbiter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.actuation.SimulatorDriver;
import io.arbiter.domain.Event;
import io.arbiter.domain.FieldError;
import io.arbiter.grid.GridDecisionLog;
import io.arbiter.grid.GridStore;
import io.arbiter.ingest.BodyParser;
import io.arbiter.ingest.EventDecoder;
import io.arbiter.ingest.MalformedBodyException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Decisions: taking one for a contention, reading them, and following their actions.
 *
 * <pre>
 * curl -s -X POST 'localhost:8080/v1/arbitrations?dryRun=true' -H 'Content-Type: application/json' -d \
 *   '{"id":"c-1","type":"contention","platformId":"p1","reason":"capacity","severity":"normal",
 *     "need":{"cpu":8,"memoryGiB":32},"beneficiary":"acme"}'
 * curl -s localhost:8080/v1/decisions/d-…
 * curl -s 'localhost:8080/v1/decisions?platformId=p1&amp;limit=10'
 * curl -s localhost:8080/v1/actions/d-…-1
 * </pre>
 */
final class ArbitrationRoutes {

    private static final long MAX_BODY = 64 * 1024;

    private final Arbitrations arbitrations;
    private final GridDecisionLog log;
    private final GridStore grid;
    private final SimulatorDriver simulator;
    private final Clock clock;

    ArbitrationRoutes(Arbitrations arbitrations, GridDecisionLog log, GridStore grid, SimulatorDriver simulator,
                      Clock clock) {
        this.arbitrations = arbitrations;
        this.log = log;
        this.grid = grid;
        this.simulator = simulator;
        this.clock = clock;
    }

    void register(Router router) {
        router.post("/v1/arbitrations").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
                .handler(this::arbitrate);
        router.get("/v1/decisions/:id").handler(ctx -> StateRoutes.answer(ctx, "decision",
                log.decision(ctx.pathParam("id")), Views::decision));
        router.get("/v1/decisions").handler(this::decisions);
        router.get("/v1/actions/:id").handler(ctx -> StateRoutes.answer(ctx, "action",
                log.action(ctx.pathParam("id")), Views::actionWithHistory));
        if (simulator != null) {
            new SimulatorRoutes(simulator).register(router);
        }
    }

    private void arbitrate(RoutingContext ctx) {
        boolean dryRun = "true".equals(ctx.queryParams().get("dryRun"));
        List<FieldError> errors = new ArrayList<>();
        Event event;
        try {
            List<JsonNode> nodes = BodyParser.json(ctx.body().buffer() == null ? new byte[0]
                    : ctx.body().buffer().getBytes());
            if (nodes.size() != 1) {
                Responses.json(ctx, 400, Responses.fieldErrors(List.of(new FieldError(-1, "",
                        "send one contention event"))));
                return;
            }
            event = EventDecoder.decode(nodes.get(0), 0, clock.instant(), errors);
        } catch (MalformedBodyException e) {
            Responses.json(ctx, 400, Responses.malformed(e));
            return;
        }
        if (event != null && !(event instanceof Event.ContentionReported)) {
            errors.add(new FieldError(0, "type", "must be contention"));
        }
        if (!errors.isEmpty()) {
            Responses.json(ctx, 400, Responses.fieldErrors(errors));
            return;
        }
        Event.ContentionReported c = (Event.ContentionReported) event;
        var beneficiaryKnown = c.contention().beneficiary() == null ? CompletableFuture.completedFuture(true)
                : grid.client(c.contention().beneficiary()).thenApply(Optional::isPresent);
        Future.fromCompletionStage(beneficiaryKnown.thenCompose(known -> {
            if (!known) {
                throw new IllegalArgumentException("beneficiary: unknown client '" + c.contention().beneficiary() + "'");
            }
            return arbitrations.arbitrate(c.id(), c.contention(), dryRun);
        }), ctx.vertx().getOrCreateContext()).onComplete(done -> {
            if (done.succeeded()) {
                Responses.json(ctx, done.result().isNew() ? 201 : 200, Views.decision(done.result().decision())
                        .put("dryRun", dryRun));
                return;
            }
            Throwable cause = done.cause() instanceof CompletionException ce && ce.getCause() != null
                    ? ce.getCause() : done.cause();
            if (cause instanceof IllegalArgumentException bad) {
                String message = bad.getMessage();
                String field = message.startsWith("beneficiary:") ? "beneficiary" : "platformId";
                Responses.json(ctx, 400, Responses.fieldErrors(List.of(new FieldError(0, field,
                        message.replaceFirst("^beneficiary: ", "")))));
            } else {
                Responses.error(ctx, 503, "no decision could be taken: " + cause.getMessage());
            }
        });
    }

    private void decisions(RoutingContext ctx) {
        Integer limit = Responses.limit(ctx, 20, DecisionRoutes.MAX_LIMIT);
        if (limit == null) {
            return;
        }
        Future.fromCompletionStage(log.recent(ctx.queryParams().get("platformId"), limit),
                ctx.vertx().getOrCreateContext()).onComplete(done -> {
                    if (done.failed()) {
                        Responses.error(ctx, 503, "the grid did not answer: " + done.cause().getMessage());
                        return;
                    }
                    JsonArray list = new JsonArray();
                    done.result().forEach(d -> list.add(Views.decision(d)));
                    Responses.json(ctx, 200, new JsonObject().put("decisions", list));
                });
    }
}

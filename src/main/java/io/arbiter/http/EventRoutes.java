package io.arbiter.http;

import io.arbiter.ingest.BodyParser;
import io.arbiter.ingest.ParsedEvent;
import io.arbiter.ingest.IngestMetrics;
import io.arbiter.ingest.IngestOutcome;
import io.arbiter.ingest.Ingestor;
import io.arbiter.ingest.MalformedBodyException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.List;

/**
 * {@code POST /v1/events}: one JSON object, a JSON array ({@code application/json}) or NDJSON
 * ({@code application/x-ndjson}); answers {@code 202 {"accepted":N,"duplicates":N}} once every event
 * is stored in the grid, or {@code 400} naming each bad event and field with nothing applied.
 *
 * <pre>
 * curl -s localhost:8080/v1/events -H 'Content-Type: application/json' \
 *   -d '{"id":"e1","type":"client.registered","clientId":"acme","name":"Acme","slaTier":"gold"}'
 * </pre>
 */
final class EventRoutes {

    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";

    private final Ingestor ingestor;
    private final IngestMetrics metrics;
    private final HttpOptions options;

    EventRoutes(Ingestor ingestor, IngestMetrics metrics, HttpOptions options) {
        this.ingestor = ingestor;
        this.metrics = metrics;
        this.options = options;
    }

    void register(Router router) {
        router.post("/v1/events").handler(this::checkContentType);
        router.post("/v1/events")
                .handler(BodyHandler.create(false).setBodyLimit(options.maxBodyBytes()))
                .handler(this::events);
    }

    private void checkContentType(RoutingContext ctx) {
        String type = mediaType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
        if (!JSON.equals(type) && !NDJSON.equals(type)) {
            Responses.error(ctx, 415, "Content-Type must be " + JSON + " or " + NDJSON
                    + (type == null ? "" : ", not " + type));
            return;
        }
        ctx.next();
    }

    private void events(RoutingContext ctx) {
        long start = System.nanoTime();
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        List<ParsedEvent> parsed;
        try {
            parsed = BodyParser.events(body, NDJSON.equals(mediaType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))));
        } catch (MalformedBodyException e) {
            ingestor.malformed();
            Responses.json(ctx, 400, Responses.malformed(e));
            metrics.recordLatency(System.nanoTime() - start);
            return;
        }
        Future.fromCompletionStage(ingestor.ingest(parsed), ctx.vertx().getOrCreateContext())
                .onComplete(result -> {
                    if (result.failed()) {
                        Responses.error(ctx, 503, "events could not be stored, none was acknowledged: "
                                + result.cause().getMessage() + "; send them again");
                    } else {
                        answer(ctx, result.result());
                    }
                    metrics.recordLatency(System.nanoTime() - start);
                });
    }

    private static void answer(RoutingContext ctx, IngestOutcome outcome) {
        if (outcome instanceof IngestOutcome.Accepted a) {
            Responses.accepted(ctx, a.result().accepted(), a.result().duplicates());
        } else if (outcome instanceof IngestOutcome.Rejected r) {
            Responses.json(ctx, 400, Responses.fieldErrors(r.errors()));
        }
    }

    static String mediaType(String header) {
        if (header == null) {
            return null;
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }
}

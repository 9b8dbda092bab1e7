package io.arbiter.http;

import io.arbiter.domain.Decision;
import io.arbiter.grid.GridDecisionLog;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decision feed as server-sent events: each subscriber first receives the newest decisions,
 * then every decision that is new or whose actions changed state, as {@code event: decision} with
 * the decision's JSON (the shape of {@code GET /v1/decisions/{id}}) as data. Changes arrive on the
 * event bus ({@link EventBusAddresses#DECISIONS}) from whichever member made them, so every
 * member's feed shows the whole cluster's decisions as they happen.
 *
 * <pre>
 * curl -sN localhost:8080/v1/decisions/stream
 * </pre>
 */
final class DecisionStream {

    static final int WINDOW = 50;
    private static final long HEARTBEAT_MILLIS = 15_000;

    private final GridDecisionLog log;
    /** Each subscriber with what it was last sent, decision id to JSON; touched on one event loop only. */
    private final Map<HttpServerResponse, Map<String, String>> subscribers = new HashMap<>();
    private Context context;

    DecisionStream(GridDecisionLog log) {
        this.log = log;
    }

    void register(Router router) {
        router.get("/v1/decisions/stream").handler(this::subscribe);
    }

    private void subscribe(RoutingContext ctx) {
        if (context == null) {
            context = ctx.vertx().getOrCreateContext();
            ctx.vertx().eventBus().<String>consumer(EventBusAddresses.DECISIONS, message -> changed(message.body()));
            ctx.vertx().setPeriodic(HEARTBEAT_MILLIS, id -> subscribers.keySet().forEach(r -> r.write(": still here\n\n")));
        }
        HttpServerResponse response = ctx.response().setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache");
        response.write("retry: 2000\n\n");
        Map<String, String> sent = sentMap();
        subscribers.put(response, sent);
        response.closeHandler(v -> subscribers.remove(response));
        ctx.request().connection().shutdownHandler(v -> {
            subscribers.remove(response);
            response.end();
        });
        Future.fromCompletionStage(log.recent(null, WINDOW), context).onSuccess(recent -> {
            if (subscribers.containsKey(response)) {
                send(response, sent, recent);
            }
        });
    }

    private void changed(String decisionId) {
        if (subscribers.isEmpty()) {
            return;
        }
        Future.fromCompletionStage(log.decision(decisionId), context).onSuccess(found -> found.ifPresent(d ->
                subscribers.forEach((response, sent) -> send(response, sent, List.of(d)))));
    }

    /** Sends, oldest first, each decision this subscriber has not seen in its current state. */
    private static void send(HttpServerResponse response, Map<String, String> sent, List<Decision> newestFirst) {
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            Decision d = newestFirst.get(i);
            String json = Views.decision(d).encode();
            if (!json.equals(sent.put(d.decisionId(), json))) {
                response.write("event: decision\nid: " + d.decisionId() + "\ndata: " + json + "\n\n");
            }
        }
    }

    /** What one subscriber was sent: the 200 decisions it was sent most recently. */
    private static Map<String, String> sentMap() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > 4 * WINDOW;
            }
        };
    }
}

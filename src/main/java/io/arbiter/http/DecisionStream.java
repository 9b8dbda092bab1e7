package io.arbiter.http;

import io.arbiter.domain.Decision;
import io.arbiter.grid.GridDecisionLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decision feed as server-sent events: each subscriber first receives the newest decisions,
 * then every decision that is new or whose actions changed state, as {@code event: decision} with
 * the decision's JSON (the shape of {@code GET /v1/decisions/{id}}) as data. The log is read once
 * a second while anyone listens, whatever the number of listeners.
 *
 * <pre>
 * curl -sN localhost:8080/v1/decisions/stream
 * </pre>
 */
final class DecisionStream {

    static final long POLL_MILLIS = 1000;
    static final int WINDOW = 50;
    private static final int POLLS_PER_HEARTBEAT = 15;

    private final GridDecisionLog log;
    /** Each subscriber with what it was last sent, decision id to JSON; touched on one event loop only. */
    private final Map<HttpServerResponse, Map<String, String>> subscribers = new HashMap<>();
    private Vertx vertx;
    private long timer = -1;
    private int polls;

    DecisionStream(GridDecisionLog log) {
        this.log = log;
    }

    void register(Router router) {
        router.get("/v1/decisions/stream").handler(this::subscribe);
    }

    private void subscribe(RoutingContext ctx) {
        HttpServerResponse response = ctx.response().setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache");
        response.write("retry: 2000\n\n");
        subscribers.put(response, new HashMap<>());
        response.closeHandler(v -> unsubscribe(response));
        ctx.request().connection().shutdownHandler(v -> {
            unsubscribe(response);
            response.end();
        });
        vertx = ctx.vertx();
        if (timer < 0) {
            timer = vertx.setPeriodic(1, POLL_MILLIS, id -> poll());
        }
    }

    private void unsubscribe(HttpServerResponse response) {
        subscribers.remove(response);
        if (subscribers.isEmpty() && timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private void poll() {
        boolean heartbeat = ++polls % POLLS_PER_HEARTBEAT == 0;
        Future.fromCompletionStage(log.recent(null, WINDOW), vertx.getOrCreateContext()).onSuccess(recent -> {
            subscribers.forEach((response, sent) -> send(response, sent, recent));
            if (heartbeat) {
                subscribers.keySet().forEach(r -> r.write(": still here\n\n"));
            }
        });
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
        if (sent.size() > 4 * WINDOW) {
            sent.keySet().retainAll(newestFirst.stream().map(Decision::decisionId).toList());
        }
    }
}

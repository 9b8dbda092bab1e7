package io.arbiter.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Operations: {@code GET /health} (the process answers), {@code GET /ready} (every readiness check
 * holds; 503 naming those that do not) and {@code GET /metrics} (Prometheus text format).
 */
final class OpsRoutes {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final List<ReadinessCheck> checks;
    private final PrometheusMeterRegistry registry;

    OpsRoutes(List<ReadinessCheck> checks, PrometheusMeterRegistry registry) {
        this.checks = checks;
        this.registry = registry;
    }

    void register(Router router) {
        router.get("/health").handler(ctx -> Responses.json(ctx, 200, new JsonObject().put("status", "up")));
        router.get("/ready").handler(this::ready);
        router.get("/metrics").handler(this::metrics);
    }

    private void ready(RoutingContext ctx) {
        JsonObject result = new JsonObject();
        boolean all = true;
        for (ReadinessCheck check : checks) {
            boolean ok;
            try {
                ok = check.ready().getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            result.put(check.name(), ok);
            all &= ok;
        }
        Responses.json(ctx, all ? 200 : 503, new JsonObject().put("ready", all).put("checks", result));
    }

    private void metrics(RoutingContext ctx) {
        ctx.vertx().executeBlocking(registry::scrape).onComplete(text -> {
            if (text.failed()) {
                Responses.error(ctx, 500, "metrics could not be read: " + text.cause().getMessage());
            } else {
                ctx.response().putHeader("Content-Type", PROMETHEUS_TEXT).end(text.result());
            }
        });
    }
}

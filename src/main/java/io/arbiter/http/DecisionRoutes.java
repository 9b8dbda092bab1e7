package io.arbiter.http;

import io.arbiter.domain.Notice;
import io.arbiter.grid.GridDecisionLog;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;


/**
 * The decision log's notices: what Arbiter noticed without deciding anything, such as a platform
 * predicted to contend.
 *
 * <pre>
 * curl -s 'localhost:8080/v1/notices?platformId=p1&amp;limit=20'
 * </pre>
 */
final class DecisionRoutes {

    static final int MAX_LIMIT = 1000;

    private final GridDecisionLog log;

    DecisionRoutes(GridDecisionLog log) {
        this.log = log;
    }

    void register(Router router) {
        router.get("/v1/notices").handler(this::notices);
    }

    private void notices(RoutingContext ctx) {
        Integer limit = Responses.limit(ctx, 50, MAX_LIMIT);
        if (limit == null) {
            return;
        }
        Future.fromCompletionStage(log.notices(ctx.queryParams().get("platformId"), limit),
                ctx.vertx().getOrCreateContext()).onComplete(result -> {
                    if (result.failed()) {
                        Responses.error(ctx, 503, "the grid did not answer: " + result.cause().getMessage());
                        return;
                    }
                    JsonArray list = new JsonArray();
                    for (Notice n : result.result()) {
                        list.add(new JsonObject().put("noticeId", n.noticeId()).put("platformId", n.platformId())
                                .put("kind", n.kind()).put("at", n.at().toString()).put("message", n.message()));
                    }
                    Responses.json(ctx, 200, new JsonObject().put("notices", list));
                });
    }
}

package io.arbiter.http;

import io.arbiter.domain.Platform;
import io.arbiter.domain.PlatformView;
import io.arbiter.grid.GridStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Reads of the state ingestion built: every platform, platforms and instances by id; an unknown id is a 404 with
 * a JSON error.
 *
 * <pre>
 * curl -s localhost:8080/v1/platforms                # every platform, by id
 * curl -s localhost:8080/v1/platforms/p1
 * curl -s localhost:8080/v1/platforms/p1/forecast     # projected demand, contention predicted?
 * curl -s localhost:8080/v1/instances/i1
 * </pre>
 */
final class StateRoutes {

    private final GridStore grid;
    private final PlatformForecasts forecasts;

    StateRoutes(GridStore grid, PlatformForecasts forecasts) {
        this.grid = grid;
        this.forecasts = forecasts;
    }

    void register(Router router) {
        router.get("/v1/platforms").handler(this::platforms);
        router.get("/v1/platforms/:id").handler(ctx -> answer(ctx, "platform",
                grid.platformView(ctx.pathParam("id")), Views::platform));
        router.get("/v1/platforms/:id/forecast").handler(ctx -> answer(ctx, "platform",
                forecasts.forecast(ctx.pathParam("id")), Views::forecast));
        router.get("/v1/instances/:id").handler(this::instance);
    }

    private void platforms(RoutingContext ctx) {
        CompletionStage<List<JsonObject>> views = grid.platforms().thenCompose(platforms -> {
            List<CompletableFuture<Optional<PlatformView>>> each = platforms.stream()
                    .sorted(Comparator.comparing(Platform::platformId))
                    .map(p -> grid.platformView(p.platformId()).toCompletableFuture()).toList();
            return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(done -> each.stream()
                    .map(CompletableFuture::join).flatMap(Optional::stream).map(Views::platform).toList());
        });
        Future.fromCompletionStage(views, ctx.vertx().getOrCreateContext()).onComplete(result -> {
            if (result.failed()) {
                Responses.error(ctx, 503, "the grid did not answer: " + result.cause().getMessage());
            } else {
                Responses.json(ctx, 200, new JsonObject().put("platforms", new JsonArray(result.result())));
            }
        });
    }

    private void instance(RoutingContext ctx) {
        answer(ctx, "instance", grid.instance(ctx.pathParam("id")).thenCompose(found -> found.isEmpty()
                        ? java.util.concurrent.CompletableFuture.completedFuture(Optional.<JsonObject>empty())
                        : grid.usage(found.get()).thenApply(u -> Optional.of(Views.instance(found.get(), u.orElse(null))))),
                Function.identity());
    }

    static <T> void answer(RoutingContext ctx, String noun, CompletionStage<Optional<T>> lookup,
                           Function<T, JsonObject> view) {
        Future.fromCompletionStage(lookup, ctx.vertx().getOrCreateContext()).onComplete(result -> {
            if (result.failed()) {
                Responses.error(ctx, 503, "the grid did not answer: " + result.cause().getMessage());
            } else if (result.result().isEmpty()) {
                Responses.error(ctx, 404, "no " + noun + " '" + ctx.pathParam("id") + "'");
            } else {
                Responses.json(ctx, 200, view.apply(result.result().get()));
            }
        });
    }
}

package io.arbiter.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The HTTP server: builds the route table from each resource's routes and listens. Thin by
 * design: parsing and answering here, the work in the services it is given.
 */
public final class HttpServerVerticle extends VerticleBase {

    private final HttpOptions options;
    private final HttpServices services;
    private final List<Consumer<Router>> moreRoutes = new ArrayList<>();
    private HttpServer server;

    public HttpServerVerticle(HttpOptions options, HttpServices services) {
        this.options = options;
        this.services = services;
    }

    /** Adds routes that the wiring brings (for example the cluster's); call before deploying. */
    public HttpServerVerticle with(Consumer<Router> routes) {
        moreRoutes.add(routes);
        return this;
    }

    /** The route table: every path Arbiter answers. */
    Router routes() {
        Router router = Router.router(vertx);
        new EventRoutes(services.ingestor(), services.ingestMetrics(), options).register(router);
        router.get("/v1/events/ws").handler(ctx -> ctx.request().toWebSocket().onSuccess(ws ->
                new EventSocket(ws, services.ingestor(), services.ingestMetrics()).start()));
        new StateRoutes(services.grid(), services.forecasts()).register(router);
        new DecisionRoutes(services.decisions()).register(router);
        new DecisionStream(services.decisions()).register(router);
        new ArbitrationRoutes(services.arbitrations(), services.decisions(), services.grid(), services.simulator(),
                services.clock()).register(router);
        new ClientRoutes(services.grid(), services.scores(), services.policy(), services.clock()).register(router);
        new PolicyRoutes(services.policy(), services.policyChanges()).register(router);
        new LedgerRoutes(services.store()).register(router);
        new OpsRoutes(services.checks(), services.registry()).register(router);
        moreRoutes.forEach(routes -> routes.accept(router));
        new ConsoleRoutes().register(router);
        router.errorHandler(413, ctx -> Responses.error(ctx, 413,
                "request body over the limit of " + options.maxBodyBytes() + " bytes; send smaller batches"));
        router.errorHandler(404, ctx -> Responses.error(ctx, 404, "no such resource: " + ctx.request().path()));
        router.errorHandler(405, ctx -> Responses.error(ctx, 405,
                "method " + ctx.request().method() + " not allowed on " + ctx.request().path()));
        router.errorHandler(500, ctx -> Responses.error(ctx, 500, "internal error; see the server log"));
        return router;
    }

    @Override
    public Future<?> start() {
        HttpServerOptions serverOptions = new HttpServerOptions()
                .setHost(options.host())
                .setPort(options.port())
                .setMaxWebSocketFrameSize(options.maxFrameBytes())
                .setMaxWebSocketMessageSize(options.maxFrameBytes())
                .setCompressionSupported(false);
        server = vertx.createHttpServer(serverOptions).requestHandler(routes());
        return server.listen();
    }

    /** Stops accepting connections and lets requests under way finish, for at most {@code grace}. */
    public Future<Void> shutdown(Duration grace) {
        return server == null ? Future.succeededFuture() : server.shutdown(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The port the server listens on (useful when configured with port 0). */
    public int port() {
        return server.actualPort();
    }
}

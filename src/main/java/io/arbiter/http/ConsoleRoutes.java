package io.arbiter.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The operator console: plain HTML, CSS, JavaScript and SVG from {@code console/} on the class path,
 * served at {@code /} on the same origin as the API it reads. Nothing is loaded from elsewhere, and
 * the Content-Security-Policy says so to the browser.
 *
 * <pre>
 * open http://localhost:8080/
 * </pre>
 */
final class ConsoleRoutes {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    void register(Router router) {
        router.get("/*").handler(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .putHeader("X-Content-Type-Options", "nosniff");
            ctx.next();
        }).handler(StaticHandler.create("console").setCachingEnabled(false).setIndexPage("index.html"));
    }
}

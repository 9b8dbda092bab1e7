package io.arbiter.http.proxy;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** The router's own answers: JSON error bodies, {@code {"error": message}}, as the main API gives. */
final class ProxyAnswers {

    private ProxyAnswers() {
    }

    /**
     * Answers {@code status} with {@code message} unless an answer has begun. A request whose body
     * was not read closes its connection afterwards, so that the unread bytes cannot pass for the
     * next request.
     */
    static void error(HttpServerRequest request, int status, String message) {
        HttpServerResponse response = request.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        if (!request.isEnded()) {
            response.putHeader("Connection", "close");
            request.handler(ignored -> { });
            request.resume();
        }
        response.setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", message).toBuffer());
    }
}

package io.arbiter.http.proxy;

import io.arbiter.domain.Route;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;

import java.net.ConnectException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Sends one held-back (paused) request to a route's instance and relays the answer, streaming both
 * bodies. Over the body limit: 413. Instance unreachable or failing mid-request: 502; silent for
 * too long: 504. Always calls {@code done} exactly once, when the instance has answered (and the
 * answer is relayed or the client gone) or will not: what counts for a pause is the instance's side.
 */
final class Forwarder {

    /** Headers that belong to one connection and are not passed on (RFC 9110, 7.6.1). */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host", "http2-settings");

    private final HttpClient client;
    private final long maxBodyBytes;
    private final long idleTimeoutMillis;

    Forwarder(HttpClient client, long maxBodyBytes, long idleTimeoutMillis) {
        this.client = client;
        this.maxBodyBytes = maxBodyBytes;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    /** Forwards {@code request} (paused by the caller) to {@code route} as {@code path}. */
    void forward(HttpServerRequest request, ServicePath path, Route route, Runnable done) {
        Runnable once = new Once(done);
        try {
            start(request, path, route, once);
        } catch (RuntimeException e) {
            fail(request, path, route, e);
            once.run();
        }
    }

    private void start(HttpServerRequest request, ServicePath path, Route route, Runnable once) {
        Long declared = declaredLength(request);
        if (declared != null && declared > maxBodyBytes) {
            ProxyAnswers.error(request, 413, "request body over the router's limit of " + maxBodyBytes + " bytes");
            once.run();
            return;
        }
        boolean hasBody = (declared != null && declared > 0) || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        MultiMap headers = HttpHeaders.headers();
        copyHeaders(request.headers(), headers);
        headers.set("X-Forwarded-Prefix", "/" + path.service());
        if (request.remoteAddress() != null) {
            headers.add("X-Forwarded-For", request.remoteAddress().hostAddress());
        }
        RequestOptions options = new RequestOptions().setMethod(request.method())
                .setHost(route.endpoint().host()).setPort(route.endpoint().port())
                .setURI(path.forwardUri()).setIdleTimeout(idleTimeoutMillis).setHeaders(headers);
        client.request(options).compose(outgoing -> send(request, outgoing, hasBody))
                .onSuccess(answer -> relay(request, answer, once))
                .onFailure(failure -> {
                    fail(request, path, route, failure);
                    once.run();
                });
    }

    private Future<HttpClientResponse> send(HttpServerRequest request, HttpClientRequest outgoing, boolean hasBody) {
        if (!hasBody) {
            request.resume();
            return outgoing.send();
        }
        return outgoing.send(new LimitedBody(request, maxBodyBytes, () -> {
            ProxyAnswers.error(request, 413, "request body over the router's limit of " + maxBodyBytes + " bytes");
            outgoing.reset();
        }));
    }

    private static void relay(HttpServerRequest request, HttpClientResponse answer, Runnable done) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            done.run();
            return;
        }
        response.setStatusCode(answer.statusCode()).setStatusMessage(answer.statusMessage());
        copyHeaders(answer.headers(), response.headers());
        boolean bodyless = request.method() == HttpMethod.HEAD || answer.statusCode() == 204
                || answer.statusCode() == 304 || answer.statusCode() < 200;
        if (!bodyless && !answer.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        answer.pipeTo(response).onComplete(piped -> done.run());
    }

    private static void fail(HttpServerRequest request, ServicePath path, Route route, Throwable failure) {
        String where = "service '" + path.service() + "': instance " + route.instanceId() + " at " + route.endpoint();
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            ProxyAnswers.error(request, 504, where + " did not answer in time");
        } else if (failure instanceof ConnectException) {
            ProxyAnswers.error(request, 502, where + " is unreachable: " + failure.getMessage());
        } else {
            ProxyAnswers.error(request, 502, where + " failed: " + failure);
        }
    }

    private static Long declaredLength(HttpServerRequest request) {
        String text = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return text == null ? null : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        from.forEach((name, value) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                to.add(name, value);
            }
        });
    }

    /** Runs a task at most once. */
    private static final class Once implements Runnable {
        private Runnable task;

        Once(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            Runnable t = task;
            task = null;
            if (t != null) {
                t.run();
            }
        }
    }
}

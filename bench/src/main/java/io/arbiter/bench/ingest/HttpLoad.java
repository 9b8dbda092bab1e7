package io.arbiter.bench.ingest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * POSTs bodies to {@code /v1/events} over a fixed number of connections, with a fixed number of
 * requests in flight (HTTP/1.1 pipelining spreads them over the connections): each of
 * {@code inFlight} lanes sends its next request as soon as its previous one is answered.
 */
final class HttpLoad implements Load {

    private static final long TIMEOUT_MS = 30_000;

    private final HttpClient client;
    private final RequestOptions request;
    private final Supplier<Population.Batch> bodies;
    private final int inFlight;
    private final Tally tally;
    private final AtomicInteger lanes = new AtomicInteger();
    private final Promise<Void> drained = Promise.promise();
    private volatile boolean stopping;

    HttpLoad(Vertx vertx, int port, String contentType, Supplier<Population.Batch> bodies, int connections,
             int inFlight, Tally tally) {
        int perConnection = Math.max(1, (inFlight + connections - 1) / connections);
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setPipelining(perConnection > 1).setPipeliningLimit(perConnection)
                        .setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(inFlight));
        this.request = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                .setURI("/v1/events").putHeader(HttpHeaders.CONTENT_TYPE, contentType).setTimeout(TIMEOUT_MS);
        this.bodies = bodies;
        this.inFlight = inFlight;
        this.tally = tally;
    }

    @Override
    public Future<Void> start() {
        lanes.set(inFlight);
        for (int i = 0; i < inFlight; i++) {
            send();
        }
        return Future.succeededFuture();
    }

    private void send() {
        if (stopping) {
            if (lanes.decrementAndGet() == 0) {
                client.close().onComplete(closed -> drained.tryComplete());
            }
            return;
        }
        Population.Batch batch = bodies.get();
        client.request(request)
                .compose(req -> req.send(batch.body()))
                .compose(resp -> resp.body().map(body -> {
                    if (resp.statusCode() != 202) {
                        return "HTTP " + resp.statusCode() + ": " + body.toString();
                    }
                    return Load.problem(new JsonObject(body), batch.events());
                }))
                .onComplete(result -> {
                    if (result.failed()) {
                        tally.failed(batch.events(), "request failed: " + result.cause());
                    } else if (result.result() != null) {
                        tally.failed(batch.events(), result.result());
                    } else {
                        tally.acknowledged(batch.events());
                    }
                    send();
                });
    }

    @Override
    public Future<Void> stop() {
        stopping = true;
        return drained.future();
    }
}

package io.arbiter.bench.scoring;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The JDK's HTTP client against one node on loopback, answering status and JSON body. */
final class NodeHttp {

    /** One answer. */
    record Answer(int status, String body) {

        JsonObject json() {
            return new JsonObject(body);
        }

        /** This answer, or an exception naming the request and what came back. */
        Answer expect(int wanted, String what) {
            if (status != wanted) {
                throw new IllegalStateException(what + ": expected " + wanted + ", got " + status + " " + body);
            }
            return this;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    NodeHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }

    /** POSTs every body at once (a few in flight together), each expecting {@code status}. */
    void postAllJson(String path, List<JsonArray> bodies, int status) {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (JsonArray body : bodies) {
            sent.add(client.sendAsync(request(path).header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : sent) {
            HttpResponse<String> r = answer.join();
            new Answer(r.statusCode(), r.body()).expect(status, "POST " + path);
        }
    }

    /** {@code PUT} of a JSON body on condition that {@code version} is still the one in force. */
    Answer putJsonIfMatch(String path, String json, String version) {
        return send(request(path).header("Content-Type", "application/json").header("If-Match", "\"" + version + "\"")
                .PUT(BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

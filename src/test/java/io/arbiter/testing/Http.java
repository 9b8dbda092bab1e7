package io.arbiter.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/** A real HTTP client (the JDK's) against one node, with JSON helpers for assertions. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    public Http(int port) {
        this.port = port;
    }

    /** An answer: status, content type and body. */
    public record Answer(int status, String contentType, String body) {

        public JsonObject json() {
            return new JsonObject(body);
        }

        public JsonArray errors() {
            return json().getJsonArray("errors");
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Answer post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Answer post(String path, String contentType, String body) {
        return post(path, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** POSTs events as a JSON body. */
    public Answer events(String json) {
        return post("/v1/events", "application/json", json);
    }

    /** POSTs events as a JSON body, waiting at most {@code patience} for the answer (then it throws). */
    public Answer events(String json, Duration patience) {
        return send(HttpRequest.newBuilder(uri("/v1/events")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), patience);
    }

    /**
     * Changes the policy in force: reads it, lets {@code edit} change the document, and PUTs it
     * back with its version in {@code If-Match}; fails unless the node answers 200.
     */
    public Answer editPolicy(Consumer<JsonObject> edit) {
        JsonObject policy = get("/v1/policy").json();
        edit.accept(policy);
        Answer put = send(HttpRequest.newBuilder(uri("/v1/policy")).header("Content-Type", "application/json")
                .header("If-Match", policy.getString("version"))
                .PUT(HttpRequest.BodyPublishers.ofString(policy.encode())));
        if (put.status() != 200) {
            throw new AssertionError("PUT /v1/policy answered " + put.status() + ": " + put.body());
        }
        return put;
    }

    public Answer send(HttpRequest.Builder request) {
        return send(request, Duration.ofSeconds(30));
    }

    private Answer send(HttpRequest.Builder request, Duration timeout) {
        try {
            HttpResponse<String> r = CLIENT.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

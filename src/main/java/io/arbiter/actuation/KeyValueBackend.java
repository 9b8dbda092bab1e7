package io.arbiter.actuation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.arbiter.domain.Endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;

/**
 * A simulated instance serving HTTP on 127.0.0.1 (a free port) over a {@link KeyValueState}, so that
 * migrations move real state. Every answer carries {@code X-Instance} (the instance id) and, for
 * writes and reads, {@code X-Version}.
 *
 * <pre>
 * PUT    /kv/{key}   body stored as the value      200 {"key":"k","version":7}      (413 over 1 MiB)
 * GET    /kv/{key}   the value as sent             200, or 404 {"error":…}
 * DELETE /kv/{key}                                  200 {"key":"k","deleted":true,"version":8}
 * GET    /health                                    200 {"status":"up","instanceId":"i1","version":8,"keys":3}
 * </pre>
 */
final class KeyValueBackend implements AutoCloseable {

    /** The largest value a PUT may carry. */
    static final int MAX_VALUE_BYTES = 1024 * 1024;

    private final String instanceId;
    private final KeyValueState state;
    private final HttpServer server;

    private KeyValueBackend(String instanceId, KeyValueState state, HttpServer server) {
        this.instanceId = instanceId;
        this.state = state;
        this.server = server;
    }

    /** Starts serving {@code state} for {@code instanceId}; handlers run on {@code executor}. */
    static KeyValueBackend start(String instanceId, KeyValueState state, Executor executor) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            KeyValueBackend backend = new KeyValueBackend(instanceId, state, server);
            server.createContext("/kv/", backend::keyValue);
            server.createContext("/health", backend::health);
            server.setExecutor(executor);
            server.start();
            return backend;
        } catch (IOException e) {
            throw new IllegalStateException("simulated instance " + instanceId + " could not listen: " + e.getMessage(), e);
        }
    }

    /** Where it listens. */
    Endpoint endpoint() {
        return new Endpoint("127.0.0.1", server.getAddress().getPort());
    }

    /** The state it serves. */
    KeyValueState state() {
        return state;
    }

    /** Stops listening at once; exchanges under way are cut off. */
    @Override
    public void close() {
        server.stop(0);
    }

    private void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            drain(exchange.getRequestBody());
            answer(exchange, 200, "{\"status\":\"up\",\"instanceId\":" + quote(instanceId) + ",\"version\":"
                    + state.version() + ",\"keys\":" + state.size() + "}");
        }
    }

    private void keyValue(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestURI().getPath().substring("/kv/".length());
            if (key.isEmpty()) {
                drain(exchange.getRequestBody());
                answer(exchange, 404, error("name a key: /kv/{key}"));
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "PUT" -> put(exchange, key);
                case "GET" -> get(exchange, key);
                case "DELETE" -> delete(exchange, key);
                default -> {
                    drain(exchange.getRequestBody());
                    exchange.getResponseHeaders().set("Allow", "GET, PUT, DELETE");
                    answer(exchange, 405, error("method " + exchange.getRequestMethod() + " not allowed on /kv/{key}"));
                }
            }
        }
    }

    private void put(HttpExchange exchange, String key) throws IOException {
        byte[] value = exchange.getRequestBody().readNBytes(MAX_VALUE_BYTES + 1);
        if (value.length > MAX_VALUE_BYTES) {
            answer(exchange, 413, error("value over the limit of " + MAX_VALUE_BYTES + " bytes"));
            return;
        }
        long version = state.put(key, value);
        exchange.getResponseHeaders().set("X-Version", Long.toString(version));
        answer(exchange, 200, "{\"key\":" + quote(key) + ",\"version\":" + version + "}");
    }

    private void get(HttpExchange exchange, String key) throws IOException {
        drain(exchange.getRequestBody());
        Optional<KeyValueState.Entry> entry = state.get(key);
        if (entry.isEmpty()) {
            answer(exchange, 404, error("no such key: " + key));
            return;
        }
        exchange.getResponseHeaders().set("X-Version", Long.toString(entry.get().version()));
        send(exchange, 200, "application/octet-stream", entry.get().value());
    }

    private void delete(HttpExchange exchange, String key) throws IOException {
        drain(exchange.getRequestBody());
        OptionalLong version = state.delete(key);
        long current = version.orElse(state.version());
        exchange.getResponseHeaders().set("X-Version", Long.toString(current));
        answer(exchange, 200, "{\"key\":" + quote(key) + ",\"deleted\":" + version.isPresent() + ",\"version\":"
                + current + "}");
    }

    private void answer(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Instance", instanceId);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void drain(InputStream body) throws IOException {
        body.transferTo(OutputStream.nullOutputStream());
    }

    private static String error(String message) {
        return "{\"error\":" + quote(message) + "}";
    }

    /** A JSON string literal. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

package io.arbiter.bench.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** One member's live decision feed ({@code GET /v1/decisions/stream}): when each decision id first arrived. */
final class Feed implements AutoCloseable {

    private final Map<String, Long> arrivedNanos = new ConcurrentHashMap<>();
    private final Thread reader;

    Feed(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/decisions/stream")).build();
        reader = new Thread(() -> {
            try {
                Stream<String> lines = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines()).body();
                lines.forEach(line -> {
                    if (line.startsWith("id: ")) {
                        arrivedNanos.putIfAbsent(line.substring(4).trim(), System.nanoTime());
                    }
                });
            } catch (Exception e) {
                // closed
            }
        }, "feed-" + port);
        reader.setDaemon(true);
        reader.start();
    }

    /** When {@code decisionId} arrived, waiting for it up to {@code timeoutMillis}; -1 if it did not. */
    long awaitArrival(String decisionId, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            Long at = arrivedNanos.get(decisionId);
            if (at != null) {
                return at;
            }
            Thread.onSpinWait();
        }
        return -1;
    }

    @Override
    public void close() {
        reader.interrupt();
    }
}

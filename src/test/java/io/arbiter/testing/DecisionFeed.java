package io.arbiter.testing;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** A subscriber to one node's live decision feed ({@code GET /v1/decisions/stream}): the decision ids it was sent. */
public final class DecisionFeed implements AutoCloseable {

    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private volatile boolean connected;
    private volatile Stream<String> lines;
    private final Thread reader;

    public DecisionFeed(Http http) {
        HttpRequest request = HttpRequest.newBuilder(http.uri("/v1/decisions/stream")).build();
        reader = new Thread(() -> {
            try {
                lines = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines()).body();
                connected = true;
                lines.forEach(line -> {
                    if (line.startsWith("id: ")) {
                        received.add(line.substring(4).trim());
                    }
                });
            } catch (Exception e) {
                // closed
            }
        }, "decision-feed");
        reader.setDaemon(true);
        reader.start();
    }

    /** True once the node answered the subscription: from then on it sends every change. */
    public boolean isConnected() {
        return connected;
    }

    /** True once the feed has sent {@code decisionId}. */
    public boolean hasSent(String decisionId) {
        return received.contains(decisionId);
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        reader.interrupt();
    }
}

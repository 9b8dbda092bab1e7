package io.arbiter.bench.migration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that each write a key and read it back through the router, one request at a time, for
 * as long as the load runs; every answer is timed, so the longest time any client went without one
 * is known, and every failed request is counted.
 */
final class ServiceLoad implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong longestGapNanos = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final List<Thread> clients = new ArrayList<>();

    ServiceLoad(int routerPort, String service, int clientCount) {
        this.base = "http://127.0.0.1:" + routerPort + "/" + service + "/kv/";
        for (int c = 0; c < clientCount; c++) {
            int id = c;
            Thread t = new Thread(() -> run(id), "load-" + service + "-" + c);
            t.setDaemon(true);
            clients.add(t);
            t.start();
        }
    }

    private void run(int client) {
        long last = System.nanoTime();
        for (long n = 0; running.get(); n++) {
            String key = "c" + client + "-" + n;
            try {
                HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + key))
                        .timeout(Duration.ofSeconds(10)).PUT(HttpRequest.BodyPublishers.ofString("v" + n)).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = answered(last, put.statusCode() / 100 == 2);
                HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(base + key))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                last = answered(last, get.statusCode() == 200 && get.body().equals("v" + n));
            } catch (Exception e) {
                last = answered(last, false);
            }
        }
    }

    private long answered(long last, boolean ok) {
        long now = System.nanoTime();
        longestGapNanos.accumulateAndGet(now - last, Math::max);
        requests.incrementAndGet();
        if (!ok) {
            failures.incrementAndGet();
        }
        return now;
    }

    /** Starts a new measuring window: the longest gap so far is forgotten. */
    void resetGap() {
        longestGapNanos.set(0);
    }

    /** The longest time, in the current window, that any client went without an answer. */
    double longestGapMillis() {
        return longestGapNanos.get() / 1e6;
    }

    long requests() {
        return requests.get();
    }

    long failures() {
        return failures.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : clients) {
            t.join(15_000);
        }
    }
}

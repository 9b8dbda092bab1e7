package io.arbiter.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients of a service of simulated key-value instances, one per router port (each member's
 * router on a cluster): each writes key after key through its router and reads the one before
 * back, one request at a time, noting every failed request and every acknowledged write, and the
 * longest time without an answer.
 */
public final class KeyValueTraffic implements AutoCloseable {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String service;
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong longestGap = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    /** Starts one client per port of {@code routerPorts}, on {@code service}. */
    public KeyValueTraffic(String service, List<Integer> routerPorts) {
        this.service = service;
        for (int port : routerPorts) {
            Thread t = new Thread(() -> run(port), "traffic-" + service + "-" + port);
            t.start();
            threads.add(t);
        }
    }

    private URI uri(int port, String key) {
        return URI.create("http://127.0.0.1:" + port + "/" + service + "/kv/" + key);
    }

    private void run(int port) {
        long last = System.nanoTime();
        String previous = null;
        for (int n = 0; running.get(); n++) {
            String key = "r" + port + "-k" + n;
            String value = "v" + n + "-" + UUID.randomUUID();
            try {
                HttpResponse<String> put = client.send(HttpRequest.newBuilder(uri(port, key))
                        .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(value)).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = gap(last);
                if (put.statusCode() != 200) {
                    failures.add("PUT " + key + " through " + port + ": " + put.statusCode() + " " + put.body());
                    continue;
                }
                acknowledged.put(key, value);
                if (previous != null) {
                    HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri(port, previous))
                            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    last = gap(last);
                    if (get.statusCode() != 200 || !get.body().equals(acknowledged.get(previous))) {
                        failures.add("GET " + previous + " through " + port + ": " + get.statusCode() + " " + get.body());
                    }
                }
                previous = key;
            } catch (Exception e) {
                failures.add(key + " through " + port + ": " + e);
            }
        }
    }

    private long gap(long last) {
        long now = System.nanoTime();
        longestGap.accumulateAndGet(now - last, Math::max);
        return now;
    }

    /** Waits until {@code count} writes in all were acknowledged (or one request failed). */
    public void awaitWrites(int count) {
        await().atMost(60, TimeUnit.SECONDS).until(() -> acknowledged.size() >= count || !failures.isEmpty());
    }

    /** How many writes were acknowledged so far. */
    public int acknowledgedCount() {
        return acknowledged.size();
    }

    /** Counts a write acknowledged by another client (for instance a {@link SlowWrite}). */
    public void acknowledged(String key, String value) {
        acknowledged.put(key, value);
    }

    /** Every failed request, as "METHOD key through port: status body". */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** The longest time any client waited for an answer, in milliseconds. */
    public long longestGapMillis() {
        return TimeUnit.NANOSECONDS.toMillis(longestGap.get());
    }

    /** Stops the clients, letting the requests under way finish. */
    public void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(40));
        }
    }

    /** Reads every acknowledged write back through the router on {@code routerPort}. */
    public void assertEveryAcknowledgedWriteReadable(int routerPort) throws Exception {
        for (Map.Entry<String, String> e : acknowledged.entrySet()) {
            HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri(routerPort, e.getKey()))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).as("GET " + e.getKey() + " through " + routerPort).isEqualTo(200);
            assertThat(get.body()).as("GET " + e.getKey() + " through " + routerPort).isEqualTo(e.getValue());
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}

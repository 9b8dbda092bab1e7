package io.arbiter.http.proxy;

import io.arbiter.actuation.Snapshot;
import io.arbiter.domain.Endpoint;
import io.arbiter.domain.Instance;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Route;
import io.arbiter.domain.ShadowSlot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.arbiter.http.proxy.RouterFixture.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients keep writing, deleting and reading through the router while the service's instance is
 * copied to another platform (pre-copy, pause, delta, switch, resume): no request fails, every read
 * sees the client's own latest acknowledged write, and every acknowledged write is readable after.
 */
class MigrationUnderLoadIT {

    private static final int CLIENTS = 4;
    private static final int KEYS_PER_CLIENT = 50;

    private static RouterFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new RouterFixture(1024 * 1024);
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void aMigrationUnderLoadFailsNoRequestAndLosesNoAcknowledgedWrite() throws Exception {
        Instance original = fixture.serving("shop-1", "shop");
        Instance copy = RouterFixture.instance("shop-1", "p2", "shop");
        ShadowSlot slot = new ShadowSlot("s1", "p2", new Resources(4, 8));
        Load load = new Load();
        load.start();
        try {
            load.awaitMore(300);
            Snapshot full = join(fixture.driver.snapshot(original, null));
            join(fixture.driver.restore(copy, slot, full));
            load.awaitMore(300);

            long pausedAt = System.nanoTime();
            join(fixture.router.pause("shop"));
            Snapshot delta = join(fixture.driver.snapshot(original, full));
            join(fixture.driver.restore(copy, slot, delta));
            Endpoint at = join(fixture.driver.endpoint(copy));
            join(fixture.router.point(new Route("shop", "shop-1", at, false)));
            join(fixture.router.resume("shop"));
            long cutoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pausedAt);
            join(fixture.driver.terminate(original));

            load.awaitMore(300);
            load.stop();
            System.out.printf("migration under load: %d requests, cut-over (pause to resume) %d ms, longest gap "
                            + "without a response %d ms, slowest request %d ms, delta %d bytes of %d%n",
                    load.completed.get(), cutoverMillis, load.longestGapMillis(), load.slowestMillis.get(),
                    delta.bytes(), full.bytes());
            assertThat(load.failures).isEmpty();
            assertThat(join(fixture.router.route("shop")).orElseThrow().endpoint()).isEqualTo(at);
            for (Map.Entry<String, String> written : load.acknowledged.entrySet()) {
                HttpResponse<String> read = fixture.send("GET", "/shop/kv/" + written.getKey(), null);
                if (written.getValue().isEmpty()) {
                    assertThat(read.statusCode()).as("deleted " + written.getKey()).isEqualTo(404);
                } else {
                    assertThat(read.body()).as(written.getKey()).isEqualTo(written.getValue());
                }
            }
            assertThat(load.acknowledged).hasSize(CLIENTS * KEYS_PER_CLIENT);
        } finally {
            load.stop();
        }
    }

    /** Client threads, each writing, deleting and reading its own keys, checking every answer. */
    private static final class Load {
        /** Key to its last acknowledged value; the empty string once deleted. */
        final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong completed = new AtomicLong();
        final AtomicLong slowestMillis = new AtomicLong();
        private final List<Long> answeredAt = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        void start() {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread t = new Thread(() -> run(client), "load-" + c);
                t.start();
                threads.add(t);
            }
        }

        void awaitMore(long requests) {
            long target = completed.get() + requests;
            await().atMost(60, TimeUnit.SECONDS).until(() -> completed.get() >= target || !failures.isEmpty());
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
        }

        long longestGapMillis() {
            List<Long> times;
            synchronized (answeredAt) {
                times = new ArrayList<>(answeredAt);
            }
            Collections.sort(times);
            long gap = 0;
            for (int i = 1; i < times.size(); i++) {
                gap = Math.max(gap, times.get(i) - times.get(i - 1));
            }
            return TimeUnit.NANOSECONDS.toMillis(gap);
        }

        private void run(int client) {
            for (long n = 0; running.get(); n++) {
                String key = "c" + client + "-k" + (n % KEYS_PER_CLIENT);
                try {
                    if (n % 3 == 0) {
                        write(key, "c" + client + "-v" + n);
                    } else if (n % 7 == 1) {
                        delete(key);
                    } else {
                        read(key);
                    }
                } catch (Exception e) {
                    failures.add(key + ": " + e);
                }
            }
        }

        private HttpResponse<String> timed(String method, String key, String body) throws Exception {
            long start = System.nanoTime();
            HttpResponse<String> answer = fixture.send(method, "/shop/kv/" + key, body);
            long end = System.nanoTime();
            answeredAt.add(end);
            completed.incrementAndGet();
            slowestMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(end - start), Math::max);
            return answer;
        }

        private void write(String key, String value) throws Exception {
            HttpResponse<String> answer = timed("PUT", key, value);
            if (answer.statusCode() == 200) {
                acknowledged.put(key, value);
            } else {
                failures.add("PUT " + key + ": " + answer.statusCode() + " " + answer.body());
            }
        }

        private void delete(String key) throws Exception {
            HttpResponse<String> answer = timed("DELETE", key, null);
            if (answer.statusCode() == 200) {
                acknowledged.put(key, "");
            } else {
                failures.add("DELETE " + key + ": " + answer.statusCode() + " " + answer.body());
            }
        }

        private void read(String key) throws Exception {
            HttpResponse<String> answer = timed("GET", key, null);
            String expected = acknowledged.getOrDefault(key, "");
            boolean ok = expected.isEmpty() ? answer.statusCode() == 404
                    : answer.statusCode() == 200 && answer.body().equals(expected);
            if (!ok) {
                failures.add("GET " + key + ": expected " + (expected.isEmpty() ? "404" : expected) + ", got "
                        + answer.statusCode() + " " + answer.body());
            }
        }
    }
}

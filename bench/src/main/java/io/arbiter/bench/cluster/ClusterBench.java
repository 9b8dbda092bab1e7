package io.arbiter.bench.cluster;

import io.arbiter.arbitration.DecisionIds;
import io.arbiter.ledger.Databases;
import io.arbiter.ledger.EmbeddedDatabase;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingestion and decision latency on three member JVMs (zones a, b, c, the shipped
 * {@code cluster.yaml} on free ports) next to one member (the single-member default), in one run.
 * For each: usage events in NDJSON batches of 1,000, sent round-robin to the members by several
 * connections, for a fixed time; then contention events sent one at a time round-robin, each timed
 * from the request until its decision arrives on the live decision feed of the member it was sent
 * to (the owner decides; the event bus carries the decision back); then
 * {@code POST /v1/arbitrations} round-robin (a member that does not own the platform asks its owner
 * over the event bus). Both setups write to one PostgreSQL that the harness runs (the embedded
 * one), each on a database of its own: the members of a cluster share one, as they must.
 *
 * <pre>
 * bin/bench io.arbiter.bench.cluster.ClusterBench [--seconds 15] [--warmup 5] [--connections 4] [--contentions 200]
 * </pre>
 * All the JVMs (harness and members) share this machine's cores: on 2 cores three members compete
 * with each other and with the load, so the three-member figures are a floor, not a forecast.
 */
public final class ClusterBench {

    private static final int PLATFORMS = 30;
    private static final int INSTANCES_PER_PLATFORM = 100;
    private static final int BATCH = 1000;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int seconds;
    private final int warmup;
    private final int connections;
    private final int contentions;

    private ClusterBench(int seconds, int warmup, int connections, int contentions) {
        this.seconds = seconds;
        this.warmup = warmup;
        this.connections = connections;
        this.contentions = contentions;
    }

    /** One setup's figures. */
    record Figures(int members, double eventsPerSecond, double[] batchMillis, double[] feedMillis, double[] postMillis) {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        ClusterBench bench = new ClusterBench(flag(a, "--seconds", 15), flag(a, "--warmup", 5),
                flag(a, "--connections", 4), flag(a, "--contentions", 200));
        Path home = Path.of(System.getProperty("arbiter.home", ".")).toAbsolutePath();
        Path work = Files.createTempDirectory("arbiter-cluster-bench-");
        System.out.printf("ClusterBench %s, %d cores, Java %s; members' logs under %s%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), work);
        List<Figures> all = new ArrayList<>();
        try (EmbeddedDatabase store = EmbeddedDatabase.start(work.resolve("postgres"), true)) {
            for (int members : new int[] {1, 3}) {
                String database = "bench_" + members;
                Databases.createIfMissing(store, database);
                try (Members m = Members.start(home, work, members, store.jdbcUrl(database))) {
                    all.add(bench.run(members, m.ports()));
                }
            }
        }
        print(all);
        System.out.printf("%nrerun: bin/bench io.arbiter.bench.cluster.ClusterBench --seconds %d --warmup %d "
                + "--connections %d --contentions %d%n", bench.seconds, bench.warmup, bench.connections, bench.contentions);
    }

    private Figures run(int members, List<Integer> ports) throws Exception {
        System.out.printf("%n%d member(s) up on HTTP ports %s; populating %d platforms x %d instances%n", members, ports,
                PLATFORMS, INSTANCES_PER_PLATFORM);
        populate(ports.get(0));
        double rate = ingest(ports, warmup, null);
        List<Double> batch = new ArrayList<>();
        rate = ingest(ports, seconds, batch);
        System.out.printf("  ingestion: %,.0f usage events/s (warm-up rate discarded)%n", rate);
        double[] feed = contentionsToFeed(ports);
        double[] post = arbitrations(ports);
        return new Figures(members, rate, percentiles(batch), feed, post);
    }

    private static void populate(int port) throws Exception {
        String hourAgo = Instant.now().minusSeconds(3600).toString();
        StringBuilder b = new StringBuilder();
        b.append(String.format("{\"id\":\"c-dear\",\"type\":\"client.registered\",\"clientId\":\"dear\",\"name\":\"Dear\",\"slaTier\":\"platinum\"}%n"));
        for (int p = 0; p < PLATFORMS; p++) {
            b.append(String.format(Locale.ROOT, "{\"id\":\"p%d\",\"type\":\"platform.registered\",\"platformId\":\"p%d\","
                    + "\"datacentre\":\"dc\",\"zone\":\"z\",\"capacity\":{\"cpu\":64,\"memoryGiB\":256}}%n", p, p));
            b.append(String.format("{\"id\":\"c%d\",\"type\":\"client.registered\",\"clientId\":\"c%d\",\"name\":\"C%d\",\"slaTier\":\"bronze\"}%n", p, p, p));
        }
        post(port, b.toString());
        for (int p = 0; p < PLATFORMS; p++) {
            StringBuilder i = new StringBuilder();
            for (int n = 0; n < INSTANCES_PER_PLATFORM; n++) {
                i.append(String.format(Locale.ROOT, "{\"id\":\"i%d-%d\",\"type\":\"instance.started\",\"instanceId\":\"i%d-%d\","
                        + "\"clientId\":\"c%d\",\"platformId\":\"p%d\",\"kind\":\"interruptible\",\"time\":\"%s\","
                        + "\"resources\":{\"cpu\":0.5,\"memoryGiB\":2}}%n", p, n, p, n, p, p, hourAgo));
            }
            post(port, i.toString());
        }
    }

    /** Usage in NDJSON batches from {@code connections} threads, round-robin; answers events/s. */
    private double ingest(List<Integer> ports, int forSeconds, List<Double> batchMillis) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong events = new AtomicLong();
        List<List<Double>> perThread = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        String run = Long.toString(System.nanoTime(), 36);
        for (int t = 0; t < connections; t++) {
            int thread = t;
            List<Double> mine = new ArrayList<>();
            perThread.add(mine);
            pool.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    String body = usageBatch(run + "-" + thread + "-" + n);
                    long start = System.nanoTime();
                    if (post(ports.get((thread + n) % ports.size()), body) == 202) {
                        events.addAndGet(BATCH);
                        mine.add((System.nanoTime() - start) / 1e6);
                    }
                }
                return null;
            });
        }
        long start = System.nanoTime();
        Thread.sleep(forSeconds * 1000L);
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (batchMillis != null) {
            perThread.forEach(batchMillis::addAll);
        }
        return events.get() / elapsed;
    }

    private static String usageBatch(String prefix) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder b = new StringBuilder(BATCH * 110);
        for (int k = 0; k < BATCH; k++) {
            b.append("{\"id\":\"u").append(prefix).append('-').append(k).append("\",\"type\":\"usage\",\"instanceId\":\"i")
                    .append(r.nextInt(PLATFORMS)).append('-').append(r.nextInt(INSTANCES_PER_PLATFORM))
                    .append("\",\"cpu\":0.3,\"memoryGiB\":1.5,\"networkMbps\":20}\n");
        }
        return b.toString();
    }

    /** Contention events one at a time, round-robin: request to decision on the receiving member's feed. */
    private double[] contentionsToFeed(List<Integer> ports) throws Exception {
        List<Feed> feeds = ports.stream().map(Feed::new).toList();
        try {
            Thread.sleep(500);
            List<Double> millis = new ArrayList<>();
            String run = Long.toString(System.nanoTime(), 36);
            int lost = 0;
            for (int n = 0; n < contentions; n++) {
                String platform = "p" + (n % PLATFORMS);
                String id = "k" + run + "-" + n;
                int to = n % ports.size();
                long start = System.nanoTime();
                post(ports.get(to), contention(id, platform));
                long at = feeds.get(to).awaitArrival(DecisionIds.decision(platform, id, 0), 10_000);
                if (at < 0) {
                    lost++;
                } else {
                    millis.add((at - start) / 1e6);
                }
            }
            if (lost > 0) {
                System.out.printf("  %d contention(s) not seen on the feed within 10 s%n", lost);
            }
            return percentiles(millis);
        } finally {
            feeds.forEach(Feed::close);
        }
    }

    /** {@code POST /v1/arbitrations} round-robin: decided and recorded by the platform's owner. */
    private double[] arbitrations(List<Integer> ports) throws Exception {
        List<Double> millis = new ArrayList<>();
        String run = Long.toString(System.nanoTime(), 36);
        for (int n = 0; n < contentions; n++) {
            long start = System.nanoTime();
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + ports.get(n % ports.size()) + "/v1/arbitrations"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(contention("a" + run + "-" + n, "p" + (n % PLATFORMS))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 201) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        return percentiles(millis);
    }

    private static String contention(String id, String platform) {
        return "{\"id\":\"" + id + "\",\"type\":\"contention\",\"platformId\":\"" + platform + "\",\"reason\":\"capacity\","
                + "\"severity\":\"normal\",\"need\":{\"cpu\":1,\"memoryGiB\":1}}";
    }

    private static int post(int port, String ndjson) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
                .header("Content-Type", "application/x-ndjson").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            System.out.printf("  POST /v1/events to %d: %d %s%n", port, r.statusCode(), r.body());
        }
        return r.statusCode();
    }

    /** p50, p90, p99, max. */
    private static double[] percentiles(List<Double> values) {
        if (values.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {at(v, 0.50), at(v, 0.90), at(v, 0.99), v[v.length - 1]};
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static void print(List<Figures> all) {
        System.out.printf("%n| figure | %s |%n|---|%s%n", String.join(" | ", all.stream().map(f -> f.members() + " member"
                + (f.members() > 1 ? "s" : "")).toList()), "---|".repeat(all.size()));
        row(all, "usage ingestion, NDJSON batches of 1,000 (events/s)", f -> String.format(Locale.ROOT, "%,.0f", f.eventsPerSecond()));
        row(all, "one batch request, p50 / p99 (ms)", f -> pair(f.batchMillis()));
        row(all, "contention event to decision on the feed, p50 / p99 (ms)", f -> pair(f.feedMillis()));
        row(all, "contention event to decision on the feed, p90 / max (ms)", f -> String.format(Locale.ROOT, "%.1f / %.1f",
                f.feedMillis()[1], f.feedMillis()[3]));
        row(all, "POST /v1/arbitrations, p50 / p99 (ms)", f -> pair(f.postMillis()));
    }

    private static String pair(double[] p) {
        return String.format(Locale.ROOT, "%.1f / %.1f", p[0], p[2]);
    }

    private static void row(List<Figures> all, String name, java.util.function.Function<Figures, String> cell) {
        System.out.printf("| %s | %s |%n", name, String.join(" | ", all.stream().map(cell).toList()));
    }

    private static int flag(List<String> args, String name, int fallback) {
        int i = args.indexOf(name);
        return i < 0 || i + 1 >= args.size() ? fallback : Integer.parseInt(args.get(i + 1));
    }
}

package io.arbiter.bench.decision;

import io.arbiter.app.ArbiterNode;
import io.arbiter.app.ServerConfig;
import io.arbiter.grid.GridOptions;
import io.arbiter.http.HttpOptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Contention to decision through a running node, gathering included: a real node in this process
 * (single-member grid, embedded PostgreSQL, the project's rules and default policy), one platform
 * running {@code instances} instances of {@code clients} clients registered over HTTP, kept just
 * under the high-water mark; then {@code POST /v1/arbitrations?dryRun=true} with a capacity
 * contention wanting 2 % of the platform's allocation beyond what is free, timed from the request
 * to the answer, in two rounds:
 * <ul>
 *   <li><b>unchanged</b>: nothing changes between decisions, so the node decides from the platform's
 *       roster it kept;</li>
 *   <li><b>one change before each</b>: an instance of the platform stops or starts before each
 *       decision, so the node patches its roster with it first.</li>
 * </ul>
 * Everything the node reads for a decision counts: the platform's change log and changed instances,
 * every client's score and interruption standing, the recent interruptions, and writing the answer.
 *
 * <p>Run: {@code bin/bench io.arbiter.bench.decision.ServiceDecisions [instances=100000] [clients=10000] [decisions=40]}.
 */
public final class ServiceDecisions {

    private static final String[] TIERS = {"platinum", "gold", "silver", "bronze"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    private ServiceDecisions(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static void main(String[] args) throws Exception {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int decisions = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        Path data = Files.createTempDirectory("arbiter-decision-bench");
        Path home = Path.of(System.getProperty("arbiter.home", "."));
        ArbiterNode node = ArbiterNode.start(new ServerConfig(
                new HttpOptions("127.0.0.1", 0, ServerConfig.DEFAULT_MAX_BODY, ServerConfig.DEFAULT_MAX_FRAME),
                new GridOptions(null, null, ServerConfig.DEFAULT_DEDUPE_WINDOW),
                data, home.resolve("rules"), home.resolve("policies/default.yaml")), Clock.systemUTC());
        try {
            ServiceDecisions bench = new ServiceDecisions(node.port());
            double allocated = bench.register(instances, clients);
            bench.awaitScores(clients);
            double cpuWanted = allocated * 0.02;
            String contention = String.format(Locale.ROOT, "{\"id\":\"k\",\"type\":\"contention\",\"platformId\":\"p\","
                    + "\"reason\":\"capacity\",\"severity\":\"normal\",\"need\":{\"cpu\":%.1f,\"memoryGiB\":0}}",
                    allocated / 0.94 - allocated + cpuWanted);
            System.err.println("warming up");
            bench.round(contention, decisions, false, instances);
            List<Double> unchanged = bench.round(contention, decisions, false, instances);
            List<Double> changed = bench.round(contention, decisions, true, instances);
            System.out.printf(Locale.ROOT, "%n%,d instances of %,d clients on one platform; %d decisions a round%n",
                    instances, clients, decisions);
            System.out.println("| round | median | p90 | max |");
            System.out.println("|---|---:|---:|---:|");
            print("unchanged (roster kept)", unchanged);
            print("one change before each (roster patched)", changed);
            System.out.printf(Locale.ROOT, "%nrerun: bin/bench io.arbiter.bench.decision.ServiceDecisions %d %d %d%n",
                    instances, clients, decisions);
        } finally {
            node.close();
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Registers the platform, the clients and the instances; answers the cpu the instances hold. */
    private double register(int instances, int clients) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Random random = new Random(instances);
        StringBuilder owners = new StringBuilder();
        for (int c = 0; c < clients; c++) {
            owners.append(String.format(Locale.ROOT, "{\"id\":\"c-%d\",\"type\":\"client.registered\",\"clientId\":\"c%d\","
                    + "\"name\":\"Client %d\",\"slaTier\":\"%s\"}%n", c, c, c, TIERS[random.nextInt(TIERS.length)]));
        }
        double[] cpu = new double[instances];
        double total = 0;
        for (int n = 0; n < instances; n++) {
            cpu[n] = 1 + random.nextInt(4);
            total += cpu[n];
        }
        post("/v1/events", String.format(Locale.ROOT, "{\"id\":\"p\",\"type\":\"platform.registered\",\"platformId\":\"p\","
                + "\"datacentre\":\"d\",\"zone\":\"z\",\"capacity\":{\"cpu\":%.1f,\"memoryGiB\":%.1f}}%n",
                Math.ceil(total / 0.94), instances * 64.0) + owners);
        for (int from = 0; from < instances; from += 1_000) {
            StringBuilder body = new StringBuilder();
            for (int n = from; n < Math.min(instances, from + 1_000); n++) {
                String client = "c" + (int) (clients * Math.pow(random.nextDouble(), 2.5));
                body.append(String.format(Locale.ROOT, "{\"id\":\"i-%d\",\"type\":\"instance.started\",\"instanceId\":\"i%d\","
                                + "\"clientId\":\"%s\",\"platformId\":\"p\",\"kind\":\"%s\",\"resources\":{\"cpu\":%.0f,"
                                + "\"memoryGiB\":4},\"time\":\"2026-11-%02dT00:00:00Z\"}%n", n, n, client,
                        random.nextDouble() < 0.8 ? "interruptible" : "uninterruptible", cpu[n], 1 + random.nextInt(28)));
            }
            post("/v1/events", body.toString());
            if (from % 20_000 == 0) {
                System.err.printf(Locale.ROOT, "registered %,d instances%n", from);
            }
        }
        System.err.printf(Locale.ROOT, "registered %,d clients and %,d instances in %.1f s%n", clients, instances,
                (System.nanoTime() - start) / 1e9);
        return total;
    }

    /** Waits until every client has a score (and so an interruption standing). */
    private void awaitScores(int clients) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/clients/c" + (clients - 1)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().contains("\"cvs\"")) {
                Thread.sleep(2_000); // one more scoring pass, so that every standing is written
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("clients not scored within 5 minutes");
    }

    /** {@code n} dry-run decisions, each timed in ms; with {@code change}, an instance changes before each. */
    private List<Double> round(String contention, int n, boolean change, int instances)
            throws IOException, InterruptedException {
        List<Double> times = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (change) {
                String id = "i" + (k * 7919 % instances);
                post("/v1/events", "{\"id\":\"stop-" + System.nanoTime() + "\",\"type\":\"instance.stopped\","
                        + "\"instanceId\":\"" + id + "\"}");
            }
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/arbitrations?dryRun=true"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(contention))
                    .build(), HttpResponse.BodyHandlers.ofString());
            times.add((System.nanoTime() - start) / 1e6);
            if (r.statusCode() / 100 != 2 || !r.body().contains("\"interrupt\"")) {
                throw new IllegalStateException("expected a decision with interruptions, got " + r.statusCode() + ": "
                        + r.body().substring(0, Math.min(300, r.body().length())));
            }
        }
        return times;
    }

    private void post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static void print(String round, List<Double> times) {
        List<Double> sorted = times.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms |%n", round, sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1), sorted.get(sorted.size() - 1));
    }
}

package io.arbiter.bench.migration;

import io.arbiter.app.ArbiterNode;
import io.arbiter.app.ServerConfig;
import io.arbiter.grid.GridOptions;
import io.arbiter.http.HttpOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cut-over gap of migrations under load: for each of N migrations (default 20), a live
 * simulated service takes requests through the built-in router from several clients (default 4,
 * each writing a key and reading it back); first a baseline window of the same load with no
 * migration, then an extreme contention that migrates the service to a shadow slot. It prints,
 * per migration and as median and worst: the longest time any client went without an answer
 * (baseline beside it), how long the router held the service (from {@code pausing} to
 * {@code resuming}), and failed requests. Target: worst gap under 250 ms.
 *
 * <pre>bin/bench io.arbiter.bench.migration.CutoverBench [migrations] [clients]</pre>
 */
public final class CutoverBench {

    private static final Duration BASELINE = Duration.ofSeconds(2);
    private static final double TARGET_MS = 250;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String api;

    private CutoverBench(int port) {
        this.api = "http://127.0.0.1:" + port;
    }

    /** One migration's figures. */
    private record Result(String status, double baselineGapMs, double gapMs, double holdMs, long requests,
                          long failures) {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int migrations = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path home = Path.of(System.getProperty("arbiter.home", "."));
        Path data = Files.createTempDirectory("arbiter-cutover-");
        ArbiterNode node = ArbiterNode.start(new ServerConfig(
                new HttpOptions("127.0.0.1", 0, ServerConfig.DEFAULT_MAX_BODY, ServerConfig.DEFAULT_MAX_FRAME),
                new GridOptions(null, null, ServerConfig.DEFAULT_DEDUPE_WINDOW), data, home.resolve("rules"),
                home.resolve("policies/default.yaml")), Clock.systemUTC());
        try {
            CutoverBench bench = new CutoverBench(node.port());
            bench.usePolicy();
            bench.send("POST", "/v1/events", new JsonObject().put("id", "vip").put("type", "client.registered")
                    .put("clientId", "vip").put("name", "VIP").put("slaTier", "platinum").encode(), 202);
            List<Result> results = new ArrayList<>();
            System.out.printf(Locale.ROOT, "cut-over: %d migrations, %d clients each, %d cores%n", migrations, clients,
                    Runtime.getRuntime().availableProcessors());
            System.out.println("  #  status      baseline gap   cut-over gap   router hold   requests  failed");
            for (int i = 0; i < migrations; i++) {
                Result r = bench.migrateUnderLoad(i, node.routerPort(), clients);
                results.add(r);
                System.out.printf(Locale.ROOT, "%3d  %-10s %10.1f ms  %10.1f ms  %9.1f ms  %9d  %6d%n", i + 1,
                        r.status(), r.baselineGapMs(), r.gapMs(), r.holdMs(), r.requests(), r.failures());
            }
            summary(results);
        } finally {
            node.close();
        }
    }

    private static void summary(List<Result> results) {
        List<Double> gaps = results.stream().map(Result::gapMs).sorted().toList();
        List<Double> baseline = results.stream().map(Result::baselineGapMs).sorted().toList();
        List<Double> holds = results.stream().map(Result::holdMs).sorted().toList();
        long completed = results.stream().filter(r -> r.status().equals("completed")).count();
        long failures = results.stream().mapToLong(Result::failures).sum();
        System.out.printf(Locale.ROOT, "%ncompleted %d of %d; failed requests %d%n", completed, results.size(), failures);
        System.out.printf(Locale.ROOT, "longest gap without an answer: median %.1f ms, worst %.1f ms"
                + " (baseline, same load, no migration: median %.1f ms, worst %.1f ms)%n",
                median(gaps), gaps.get(gaps.size() - 1), median(baseline), baseline.get(baseline.size() - 1));
        System.out.printf(Locale.ROOT, "router hold (pausing to resuming): median %.1f ms, worst %.1f ms%n",
                median(holds), holds.get(holds.size() - 1));
        System.out.printf(Locale.ROOT, "target: worst gap under %.0f ms: %s%n", TARGET_MS,
                gaps.get(gaps.size() - 1) < TARGET_MS ? "met" : "missed");
        System.out.println("rerun: bin/bench io.arbiter.bench.migration.CutoverBench [migrations] [clients]");
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private Result migrateUnderLoad(int i, int routerPort, int clients) throws Exception {
        String p = "cut" + i;
        String service = p + "-svc";
        register(p, service);
        try (ServiceLoad load = new ServiceLoad(routerPort, service, clients)) {
            Thread.sleep(500);
            load.resetGap();
            Thread.sleep(BASELINE.toMillis());
            double baseline = load.longestGapMillis();
            load.resetGap();
            long before = load.requests();
            long failedBefore = load.failures();
            JsonObject decision = new JsonObject(send("POST", "/v1/arbitrations", new JsonObject().put("id", p + "-k")
                    .put("type", "contention").put("platformId", p).put("reason", "capacity").put("severity", "extreme")
                    .put("need", new JsonObject().put("cpu", 8).put("memoryGiB", 0)).put("beneficiary", "vip").encode(),
                    201));
            String actionId = decision.getJsonArray("actions").getJsonObject(0).getString("actionId");
            JsonObject action = awaitFinal(actionId);
            Thread.sleep(300);
            return new Result(action.getString("status"), baseline, load.longestGapMillis(), hold(action),
                    load.requests() - before, load.failures() - failedBefore);
        }
    }

    /** Milliseconds from the {@code pausing} step to the {@code resuming} step; NaN when it never paused. */
    private static double hold(JsonObject action) {
        Instant paused = null;
        Instant resumed = null;
        for (Object o : action.getJsonArray("history")) {
            JsonObject step = (JsonObject) o;
            if (step.getString("status").equals("pausing")) {
                paused = Instant.parse(step.getString("at"));
            } else if (step.getString("status").equals("resuming")) {
                resumed = Instant.parse(step.getString("at"));
            }
        }
        return paused == null || resumed == null ? Double.NaN : Duration.between(paused, resumed).toNanos() / 1e6;
    }

    private JsonObject awaitFinal(String actionId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject action = new JsonObject(send("GET", "/v1/actions/" + actionId, null, 200));
            if (List.of("completed", "aborted", "failed").contains(action.getString("status"))) {
                return action;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("migration " + actionId + " did not finish within 2 minutes");
    }

    /** A full 16-core platform: a silver client's uninterruptible 8-core service and a gold one's; a slot elsewhere. */
    private void register(String p, String service) throws Exception {
        String hourAgo = Instant.now().minusSeconds(3600).toString();
        JsonArray events = new JsonArray()
                .add(platform(p, 16)).add(platform(p + "-spare", 16))
                .add(new JsonObject().put("id", p + "-c1").put("type", "client.registered").put("clientId", p + "-silver")
                        .put("name", "S").put("slaTier", "silver"))
                .add(new JsonObject().put("id", p + "-c2").put("type", "client.registered").put("clientId", p + "-gold")
                        .put("name", "G").put("slaTier", "gold"))
                .add(instance(p + "-u1", p + "-silver", p, hourAgo).put("service", service))
                .add(instance(p + "-g1", p + "-gold", p, hourAgo))
                .add(new JsonObject().put("id", p + "-s").put("type", "shadow.registered").put("slotId", p + "-slot")
                        .put("platformId", p + "-spare").put("capacity", new JsonObject().put("cpu", 8).put("memoryGiB", 16)));
        send("POST", "/v1/events", events.encode(), 202);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (new JsonObject(send("GET", "/v1/clients/" + p + "-silver", null, 200)).getValue("cvs") == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("client " + p + "-silver was not scored within 60 s");
            }
            Thread.sleep(50);
        }
    }

    private static JsonObject platform(String id, double cpu) {
        return new JsonObject().put("id", id + "-e").put("type", "platform.registered").put("platformId", id)
                .put("datacentre", "bench").put("zone", "bench-1")
                .put("capacity", new JsonObject().put("cpu", cpu).put("memoryGiB", 64));
    }

    private static JsonObject instance(String id, String client, String platform, String time) {
        return new JsonObject().put("id", id + "-e").put("type", "instance.started").put("instanceId", id)
                .put("clientId", client).put("platformId", platform).put("kind", "uninterruptible").put("time", time)
                .put("resources", new JsonObject().put("cpu", 8).put("memoryGiB", 8));
    }

    /** CVS by tier alone; one migration at a time. */
    private void usePolicy() throws Exception {
        JsonObject policy = new JsonObject(send("GET", "/v1/policy", null, 200));
        policy.put("weights", new JsonObject().put("usage", 0).put("sla", 1).put("forecast", 0).put("demand", 0)
                .put("payment", 0));
        policy.getJsonObject("migration").put("maxConcurrent", 1);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + "/v1/policy"))
                .header("Content-Type", "application/json").header("If-Match", policy.getString("version"))
                .PUT(HttpRequest.BodyPublishers.ofString(policy.encode())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("PUT /v1/policy: " + r.statusCode() + " " + r.body());
        }
    }

    private String send(String method, String path, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": expected " + expected + ", got " + r.statusCode()
                    + " " + r.body());
        }
        return r.body();
    }
}

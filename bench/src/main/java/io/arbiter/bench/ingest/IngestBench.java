package io.arbiter.bench.ingest;

import io.arbiter.app.ArbiterNode;
import io.arbiter.app.ServerConfig;
import io.arbiter.grid.GridOptions;
import io.arbiter.http.HttpOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ingestion throughput of a real Arbiter node against a bare Vert.x server that only parses the
 * same JSON, in one run on loopback, both in this process with the load generator (so on a small
 * machine they share its cores). Scenarios, each with a warm-up (until the JIT compilers have
 * settled) and then a measured period per server: usage events in NDJSON batches per POST, JSON
 * arrays per WebSocket frame with a window of frames in flight, and one event per POST. Every answer must acknowledge all the events sent.
 *
 * <pre>
 * bin/bench io.arbiter.bench.ingest.IngestBench                      # warm-up 30-240 s, 15 s measured
 * bin/bench io.arbiter.bench.ingest.IngestBench --warmup 3 --seconds 5 --scenarios ndjson,ws
 * </pre>
 *
 * Exits 0 when every target is met, 1 when any answer was wrong or missing, 2 when a target was missed.
 */
public final class IngestBench {

    private static final String NDJSON = "application/x-ndjson";
    private static final String JSON = "application/json";

    private final BenchOptions options;
    private final Vertx loadVertx;
    private final Population population;
    private final UsageEvents usage;

    private IngestBench(BenchOptions options, Vertx loadVertx) {
        this.options = options;
        this.loadVertx = loadVertx;
        this.population = new Population(options.platforms(), options.clients(), options.instances());
        this.usage = new UsageEvents(population);
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(64);
            return;
        }
        System.exit(run(options));
    }

    private static int run(BenchOptions options) throws Exception {
        Path data = Files.createTempDirectory("arbiter-ingest-bench");
        ArbiterNode arbiter = ArbiterNode.start(arbiterConfig(data), Clock.systemUTC());
        Vertx bareVertx = Vertx.vertx();
        BareServer bare = new BareServer();
        bareVertx.deployVerticle(bare).await(30, TimeUnit.SECONDS);
        Vertx loadVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try {
            IngestBench bench = new IngestBench(options, loadVertx);
            System.err.printf(Locale.ROOT, "%s%nArbiter on port %d, bare server on port %d%n", machine(),
                    arbiter.port(), bare.port());
            bench.register(arbiter.port());
            List<Row> rows = new ArrayList<>();
            for (Scenario s : options.scenarios()) {
                Measured a = bench.measure(s, "Arbiter", arbiter.port());
                Measured b = bench.measure(s, "bare", bare.port());
                rows.add(new Row(s, a, b));
            }
            return bench.report(rows);
        } finally {
            loadVertx.close().await(10, TimeUnit.SECONDS);
            bareVertx.close().await(10, TimeUnit.SECONDS);
            arbiter.close();
            deleteQuietly(data);
        }
    }

    /** The node {@code serve} would start with no options, but on a free port and a throw-away data folder. */
    private static ServerConfig arbiterConfig(Path data) {
        Path home = Path.of(System.getProperty("arbiter.home", "."));
        return new ServerConfig(
                new HttpOptions("127.0.0.1", 0, ServerConfig.DEFAULT_MAX_BODY, ServerConfig.DEFAULT_MAX_FRAME),
                new GridOptions(null, null, ServerConfig.DEFAULT_DEDUPE_WINDOW),
                data, home.resolve("rules"), home.resolve("policies/default.yaml"));
    }

    /** Registers the population on Arbiter, one request after another; every event must be accepted. */
    private void register(int port) throws TimeoutException {
        long start = System.nanoTime();
        HttpClient client = loadVertx.createHttpClient();
        RequestOptions post = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                .setURI("/v1/events").putHeader(HttpHeaders.CONTENT_TYPE, NDJSON).setTimeout(60_000);
        for (Population.Batch batch : population.registrations(1_000)) {
            String problem = client.request(post)
                    .compose(req -> req.send(batch.body()))
                    .compose(resp -> resp.body().map(body -> resp.statusCode() == 202
                            ? Load.problem(new JsonObject(body), batch.events())
                            : "HTTP " + resp.statusCode() + ": " + body))
                    .await(60, TimeUnit.SECONDS);
            if (problem != null) {
                throw new IllegalStateException("registration refused: " + problem);
            }
        }
        client.close().await(10, TimeUnit.SECONDS);
        System.err.printf(Locale.ROOT, "registered %d platforms, %d clients, %d instances in %.1f s%n",
                options.platforms(), options.clients(), options.instances(), (System.nanoTime() - start) / 1e9);
    }

    private Load load(Scenario scenario, int port, Tally tally) {
        return switch (scenario) {
            case NDJSON -> new HttpLoad(loadVertx, port, NDJSON, () -> usage.ndjson(options.batch()),
                    options.batchConnections(), options.batchInFlight(), tally);
            case WS -> new SocketLoad(loadVertx, port, () -> usage.array(options.frame()), options.window(), tally);
            case SINGLE -> new HttpLoad(loadVertx, port, JSON, usage::single, options.singleConnections(),
                    options.singleInFlight(), tally);
        };
    }

    /** Loads one server: warm-up, then the measured period, then waits for every answer under way. */
    private Measured measure(Scenario scenario, String server, int port)
            throws InterruptedException, TimeoutException {
        Tally tally = new Tally();
        Load load = load(scenario, port, tally);
        load.start().await(30, TimeUnit.SECONDS);
        int warmedSeconds = warmUp();
        CpuShare cpuAtStart = CpuShare.now();
        tally.startMeasuring();
        Thread.sleep(options.seconds() * 1000L);
        tally.stopMeasuring();
        CpuShare cpuAtEnd = CpuShare.now();
        Future<Void> drained = load.stop();
        try {
            drained.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            tally.failed(0, "answers still missing 60 s after the load stopped: " + e);
        }
        Measured m = new Measured(tally.result(), cpuAtEnd.jvmCores(cpuAtStart));
        System.err.printf(Locale.ROOT, "%-34s %-8s %,10.0f %s (%,d events sent, %d failures; warm-up %d s; %s)%n",
                scenario.title(options), server, figure(scenario, m.tally()), scenario.unit(), m.tally().sent(),
                m.tally().failures(), warmedSeconds, cpuAtEnd.since(cpuAtStart));
        return m;
    }

    /**
     * Loads for the minimum warm-up, then on in slices until the JIT compilers have settled (took
     * less than the settled share of this JVM's CPU in the last slice) or the longest warm-up has
     * passed; answers how long it loaded.
     */
    private int warmUp() throws InterruptedException {
        Thread.sleep(options.warmupSeconds() * 1000L);
        int warmed = options.warmupSeconds();
        CpuShare sliceStart = CpuShare.now();
        while (warmed + BenchOptions.SLICE_SECONDS <= options.warmupMaxSeconds()) {
            Thread.sleep(BenchOptions.SLICE_SECONDS * 1000L);
            warmed += BenchOptions.SLICE_SECONDS;
            CpuShare now = CpuShare.now();
            if (now.jitPercent(sliceStart) < options.jitSettledPercent()) {
                break;
            }
            sliceStart = now;
        }
        return warmed;
    }

    /** What one server did in one scenario, and how many cores this JVM had meanwhile (servers and load). */
    private record Measured(Tally.Result tally, double jvmCores) {

        /** The figure per core this JVM kept busy: what the machine would give if nothing else ran on it. */
        double perCore(Scenario s) {
            return figure(s, tally) / jvmCores;
        }
    }

    private static double figure(Scenario s, Tally.Result r) {
        return s == Scenario.SINGLE ? r.answersPerSecond() : r.eventsPerSecond();
    }

    private record Row(Scenario scenario, Measured arbiter, Measured bare) {
    }

    private int report(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | unit | Arbiter | bare | ratio | target | result |\n");
        out.append("|---|---|---:|---:|---:|---|---|\n");
        StringBuilder perCore = new StringBuilder();
        perCore.append("| scenario | unit per JVM core | Arbiter | bare | Arbiter's JVM cores | bare's JVM cores |\n");
        perCore.append("|---|---|---:|---:|---:|---:|\n");
        boolean allMet = true;
        long failures = 0;
        for (Row row : rows) {
            Scenario s = row.scenario();
            double a = figure(s, row.arbiter().tally());
            double b = figure(s, row.bare().tally());
            long rowFailures = row.arbiter().tally().failures() + row.bare().tally().failures();
            boolean met = s.met(a, b) && rowFailures == 0;
            allMet &= met;
            failures += rowFailures;
            out.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %.2f | %s | %s |%n",
                    s.title(options), s.unit(), a, b, b == 0 ? 0 : a / b, s.target(),
                    met ? "PASS" : rowFailures > 0 ? "FAIL (" + rowFailures + " failed answers)" : "FAIL"));
            perCore.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %.2f | %.2f |%n",
                    s.title(options), s.unit(), row.arbiter().perCore(s), row.bare().perCore(s),
                    row.arbiter().jvmCores(), row.bare().jvmCores()));
        }
        System.out.println();
        System.out.println(machine());
        System.out.printf(Locale.ROOT, "warm-up at least %d s (then until the JIT took under %d%% of the JVM in %d s, "
                        + "at most %d s), measured %d s per scenario and server; %d instances on %d "
                        + "platforms; batch in flight %d over %d connections; WebSocket window %d frames; "
                        + "single-event requests in flight %d over %d connections%n%n", options.warmupSeconds(),
                options.jitSettledPercent(), BenchOptions.SLICE_SECONDS, options.warmupMaxSeconds(), options.seconds(), options.instances(), options.platforms(), options.batchInFlight(),
                options.batchConnections(), options.window(), options.singleInFlight(), options.singleConnections());
        System.out.print(out);
        System.out.println();
        System.out.println("The same per core this JVM (servers and load generator) kept busy while measuring: what the "
                + "machine would give if nothing else ran on it.");
        System.out.println();
        System.out.print(perCore);
        System.out.println();
        System.out.println("rerun: " + options.command());
        if (failures > 0) {
            System.out.println();
            System.out.println("!!! " + failures + " ANSWERS WERE ERRORS, WRONG OR MISSING: the figures above are not valid");
            for (Row row : rows) {
                printFailure(row.scenario(), "Arbiter", row.arbiter().tally());
                printFailure(row.scenario(), "bare", row.bare().tally());
            }
            return 1;
        }
        return allMet ? 0 : 2;
    }

    private void printFailure(Scenario scenario, String server, Tally.Result r) {
        if (r.failures() > 0) {
            System.out.printf(Locale.ROOT, "!!! %s on %s: %d failed, first: %s%n", scenario.title(options), server,
                    r.failures(), r.firstFailure());
        }
    }

    private static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "machine: nproc=%d (servers and load generator share them), Java %s, "
                        + "max heap %d MiB", rt.availableProcessors(), System.getProperty("java.version"),
                rt.maxMemory() / (1024 * 1024));
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; nothing to do
        }
    }
}

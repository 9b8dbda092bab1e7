package io.arbiter.bench.scoring;

import com.sun.management.OperatingSystemMXBean;
import io.arbiter.app.ArbiterNode;
import io.arbiter.app.ServerConfig;
import io.arbiter.grid.GridOptions;
import io.arbiter.http.HttpOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Re-scoring every client after a weight change, end to end, on a real node.
 *
 * <p>Starts a node in this process (single-member grid, HTTP on a free loopback port, the project's
 * {@code rules/} and {@code policies/default.yaml}), registers the {@link Fleet}'s clients over
 * HTTP, waits until every one has a score, and sets the {@code sla} weight to 0. Then, each round:
 * reads the policy and its version, moves the {@code sla} weight to 1 or back to 0 (in turn; every
 * client's CVS then moves by more than epsilon, see {@link Fleet}), sends it with {@code If-Match},
 * and times from sending the {@code PUT} until
 * <ol>
 *   <li>the {@code PUT} answers (the node answers once a re-scoring pass has written the scores), and</li>
 *   <li>a read of every client's score ({@code GET /v1/clients?order=cvs&limit=N}) shows each one
 *       computed with the new policy version — read again until it does.</li>
 * </ol>
 * Warm-up rounds run first and are shown but not counted: on two cores the JIT compiler and the
 * heap's sizing take ten or so passes to settle, and a running node has made many passes (at least
 * one every 30 s) before an operator changes its policy. The rules' revision and compile time ({@code GET /v1/rules}) are read
 * before and after, to show that no policy change recompiled them. Each round also shows the node's
 * scoring passes (its {@code arbiter_scoring_pass} metric) and the CPU time this process used; the
 * machine's load average is printed, since other processes on the machine stretch every figure.
 *
 * <p>Run from the project folder: {@code bin/bench io.arbiter.bench.scoring.RescoreBench [--clients N]
 * [--rounds R] [--warmup W]} (defaults 10,000, 10 and 15).
 */
public final class RescoreBench {

    /** What the policy-engine issue asks for: every new CVS readable within a second of the PUT. */
    static final Duration TARGET = Duration.ofSeconds(1);
    /** The list of scores answers at most this many clients, so a run checks at most this many. */
    private static final int MAX_CLIENTS = 10_000;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int EVENTS_PER_REQUEST = 2_000;
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private RescoreBench() {
    }

    /** Runs the benchmark; arguments {@code [--clients N] [--rounds R] [--warmup W]}. */
    public static void main(String[] args) throws IOException {
        int clients = option(args, "--clients", 10_000);
        int rounds = option(args, "--rounds", 10);
        int warmup = option(args, "--warmup", 15);
        if (clients < 1 || clients > MAX_CLIENTS || rounds < 1 || warmup < 0) {
            usage("--clients must be 1 to " + MAX_CLIENTS + ", --rounds at least 1, --warmup at least 0");
        }
        Path home = Path.of(System.getProperty("arbiter.home", "")).toAbsolutePath();
        Path data = Files.createTempDirectory("arbiter-rescore-bench-");
        ServerConfig config = new ServerConfig(
                new HttpOptions("127.0.0.1", 0, ServerConfig.DEFAULT_MAX_BODY, ServerConfig.DEFAULT_MAX_FRAME),
                new GridOptions(null, null, ServerConfig.DEFAULT_DEDUPE_WINDOW), data, home.resolve("rules"),
                home.resolve("policies/default.yaml"));
        try (ArbiterNode node = ArbiterNode.start(config, Clock.systemUTC())) {
            NodeHttp http = new NodeHttp(node.port());
            JsonObject rulesBefore = http.get("/v1/rules").expect(200, "GET /v1/rules").json();

            register(http, clients);
            put(http, policyWith(http, 0.0));

            double loadBefore = PROCESS.getSystemLoadAverage();
            System.out.print(Round.HEADER);
            List<Round> measured = new ArrayList<>();
            ThreadCpu threadsBefore = null;
            long processBefore = 0;
            for (int r = 1; r <= warmup + rounds; r++) {
                boolean warm = r <= warmup;
                if (!warm && measured.isEmpty()) {
                    threadsBefore = ThreadCpu.now();
                    processBefore = PROCESS.getProcessCpuTime();
                }
                Round round = round(http, clients, warm ? "warm-up " + r : String.valueOf(r - warmup),
                        r % 2 == 1 ? 1.0 : 0.0);
                System.out.print(round.row());
                if (!warm) {
                    measured.add(round);
                }
            }
            double loadAfter = PROCESS.getSystemLoadAverage();
            String cpu = cpuByThread(ThreadCpu.now().since(threadsBefore), PROCESS.getProcessCpuTime() - processBefore,
                    rounds);
            JsonObject rulesAfter = http.get("/v1/rules").expect(200, "GET /v1/rules").json();
            System.out.println();
            System.out.print(summary(measured, clients, rulesBefore, rulesAfter));
            System.out.println(cpu);
            System.out.printf(Locale.ROOT, "Load average (1 min) of the machine: %.1f before the rounds, %.1f after%n",
                    loadBefore, loadAfter);
            System.out.printf(Locale.ROOT, "Rerun: bin/bench %s --clients %d --rounds %d --warmup %d%n",
                    RescoreBench.class.getName(), clients, rounds, warmup);
        } finally {
            deleteQuietly(data);
        }
    }

    /** Sends the fleet's events (each stage's requests together) and waits until every client has a score. */
    private static void register(NodeHttp http, int clients) {
        long start = System.nanoTime();
        for (List<JsonArray> stage : new Fleet(clients).stages(EVENTS_PER_REQUEST)) {
            http.postAllJson("/v1/events", stage, 202);
        }
        long registered = System.nanoTime();
        awaitScores(http, clients);
        System.out.printf(Locale.ROOT, "%,d clients registered over HTTP in %.1f s; all scored %.1f s later%n%n",
                clients, (registered - start) / 1e9, (System.nanoTime() - registered) / 1e9);
    }

    /** One policy change: PUT with If-Match, then read every score until all carry the new version. */
    static Round round(NodeHttp http, int clients, String name, double slaWeight) {
        JsonObject policy = policyWith(http, slaWeight);
        PassMetrics passesBefore = PassMetrics.read(http);
        long cpuBefore = PROCESS.getProcessCpuTime();
        long start = System.nanoTime();
        JsonObject answer = put(http, policy);
        long answered = System.nanoTime() - start;
        String newVersion = answer.getString("version");
        int reads = 0;
        List<String> stale;
        do {
            reads++;
            stale = withoutVersion(http, clients, newVersion);
        } while (!stale.isEmpty() && System.nanoTime() - start < WAIT.toNanos());
        long visible = System.nanoTime() - start;
        long cpu = PROCESS.getProcessCpuTime() - cpuBefore;
        PassMetrics passes = PassMetrics.read(http).since(passesBefore);
        if (!stale.isEmpty()) {
            System.err.println("round " + name + ": still without a score of policy " + newVersion + ": "
                    + stale.subList(0, Math.min(10, stale.size())) + (stale.size() > 10 ? " …" : ""));
        }
        Integer rescored = answer.getInteger("rescored");
        return new Round(name, slaWeight, rescored == null ? -1 : rescored, answered, visible, reads, stale.size(),
                passes, cpu);
    }

    /** The policy in force, with its version, and {@code slaWeight} as its {@code sla} weight. */
    private static JsonObject policyWith(NodeHttp http, double slaWeight) {
        JsonObject policy = http.get("/v1/policy").expect(200, "GET /v1/policy").json();
        policy.getJsonObject("weights").put("sla", slaWeight);
        return policy;
    }

    /**
     * PUTs {@code policy} with its version as {@code If-Match}; answers the PUT's answer: the policy
     * in force, its new version and how many clients were re-scored.
     */
    private static JsonObject put(NodeHttp http, JsonObject policy) {
        String version = (String) policy.remove("version");
        JsonObject answer = http.putJsonIfMatch("/v1/policy", policy.encode(), version)
                .expect(200, "PUT /v1/policy").json();
        if (answer.getString("version").equals(version)) {
            throw new IllegalStateException("the PUT left the policy at version " + version + ": nothing changed");
        }
        return answer;
    }

    /** The clients, of {@code clients}, without a score of {@code policyVersion}, in one read of them all. */
    private static List<String> withoutVersion(NodeHttp http, int clients, String policyVersion) {
        JsonArray all = http.get("/v1/clients?order=cvs&limit=" + clients).expect(200, "GET /v1/clients").json()
                .getJsonArray("clients");
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            JsonObject score = all.getJsonObject(i);
            if (!policyVersion.equals(score.getString("policyVersion"))) {
                stale.add(score.getString("clientId") + " (cvs " + score.getDouble("cvs") + ")");
            }
        }
        for (int missing = all.size(); missing < clients; missing++) {
            stale.add("(a client without a score)");
        }
        return stale;
    }

    private static void awaitScores(NodeHttp http, int clients) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int count;
        do {
            count = http.get("/v1/clients?order=cvs&limit=" + clients).expect(200, "GET /v1/clients").json()
                    .getJsonArray("clients").size();
            if (count < clients) {
                sleep(100);
            }
        } while (count < clients && System.nanoTime() < deadline);
        if (count < clients) {
            throw new IllegalStateException("only " + count + " of " + clients + " clients were scored after " + WAIT);
        }
    }

    static String summary(List<Round> rounds, int clients, JsonObject rulesBefore, JsonObject rulesAfter) {
        long median = Round.median(rounds, Round::visibleNanos);
        long worst = Round.worst(rounds, Round::visibleNanos);
        boolean allVisible = rounds.stream().allMatch(r -> r.stale() == 0);
        boolean pass = allVisible && worst < TARGET.toNanos();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%,d clients, %d rounds: PUT answered in %s median, %s worst; "
                        + "every new CVS readable in %s median, %s worst%n", clients, rounds.size(),
                Round.millis(Round.median(rounds, Round::answeredNanos)),
                Round.millis(Round.worst(rounds, Round::answeredNanos)), Round.millis(median), Round.millis(worst)));
        out.append(String.format(Locale.ROOT, "CPU of this process (node and bench client, all threads) per round: "
                + "%s median, %s worst%n", Round.millis(Round.median(rounds, Round::cpuNanos)),
                Round.millis(Round.worst(rounds, Round::cpuNanos))));
        out.append(String.format(Locale.ROOT, "Target: every new CVS readable in under %d ms, every round: %s%n",
                TARGET.toMillis(), pass ? "PASS" : "FAIL"));
        out.append(compilations(rulesBefore, rulesAfter)).append('\n');
        out.append(String.format(Locale.ROOT, "Machine: nproc %d, %s %s, %s %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch")));
        return out.toString();
    }

    /** Where the measured rounds' CPU went, per round: the busiest threads, and the JVM's own work. */
    private static String cpuByThread(Map<String, Long> used, long process, int rounds) {
        StringBuilder out = new StringBuilder("CPU per round by thread:");
        long threads = 0;
        int shown = 0;
        for (Map.Entry<String, Long> e : used.entrySet()) {
            threads += e.getValue();
            if (shown++ < 6) {
                out.append(String.format(Locale.ROOT, " %s %s,", e.getKey(), Round.millis(e.getValue() / rounds)));
            }
        }
        return out.append(String.format(Locale.ROOT, " … and the JVM's own (garbage collection, compilation) %s",
                Round.millis((process - threads) / rounds))).toString();
    }

    /** How many times the rules were compiled between the two reads of {@code GET /v1/rules}. */
    private static String compilations(JsonObject before, JsonObject after) {
        String was = before.getString("revision") + " compiled at " + before.getString("loadedAt");
        String is = after.getString("revision") + " compiled at " + after.getString("loadedAt");
        return was.equals(is)
                ? "Rule compilations during the run: 0 (rules " + was + ", before and after)"
                : "Rule compilations during the run: at least 1 (rules " + was + " before, " + is + " after)";
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name)) {
                if (i + 1 == args.length) {
                    usage(name + " needs a number");
                }
                try {
                    return Integer.parseInt(args[i + 1]);
                } catch (NumberFormatException e) {
                    usage(name + " needs a number, not " + args[i + 1]);
                }
            } else if (args[i].startsWith("--") && !List.of("--clients", "--rounds", "--warmup").contains(args[i])) {
                usage("unknown option " + args[i]);
            }
        }
        return fallback;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: bin/bench " + RescoreBench.class.getName()
                + " [--clients N] [--rounds R] [--warmup W]");
        System.exit(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}

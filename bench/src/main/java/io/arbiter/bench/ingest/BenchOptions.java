package io.arbiter.bench.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ingestion benchmark's flags, with their defaults. {@link #command()} gives the exact command
 * line that reruns the same benchmark.
 *
 * @param warmupSeconds load before each measurement, not counted, at least: 30 s by default
 * @param warmupMaxSeconds past {@code warmupSeconds}, the warm-up goes on in slices of
 *                         {@value #SLICE_SECONDS} s until the JIT compilers took less than
 *                         {@code jitSettledPercent} of this JVM's CPU in the last slice, for at most
 *                         this long in all (240 s by default): on two cores the compilers compete with
 *                         the load, and a fixed warm-up measured them at anything from 1 % to 47 % of the
 *                         JVM, and the throughput with them
 * @param jitSettledPercent the JIT's share of this JVM's CPU in a slice under which it counts as settled
 * @param seconds the measured period of each scenario and server
 * @param platforms platforms registered before measuring
 * @param clients clients registered before measuring
 * @param instances instances started before measuring; usage events name them round-robin
 * @param batch usage events per NDJSON request
 * @param batchConnections HTTP connections for the batch scenario
 * @param batchInFlight batch requests in flight at once
 * @param frame usage events per WebSocket frame
 * @param window WebSocket frames sent and not yet acknowledged, at most
 * @param singleConnections HTTP connections for the one-event-per-POST scenario
 * @param singleInFlight one-event requests in flight at once (pipelined over the connections)
 * @param scenarios which scenarios to run, in order
 */
record BenchOptions(int warmupSeconds, int warmupMaxSeconds, int jitSettledPercent, int seconds, int platforms,
                    int clients, int instances, int batch, int batchConnections, int batchInFlight, int frame, int window, int singleConnections,
                    int singleInFlight, List<Scenario> scenarios) {

    static final String MAIN = "bin/bench io.arbiter.bench.ingest.IngestBench";
    /** The length of the warm-up's slices past its minimum. */
    static final int SLICE_SECONDS = 5;

    static BenchOptions defaults() {
        return new BenchOptions(30, 240, 5, 15, 100, 200, 10_000, 1_000, 8, 8, 100, 32, 128, 128, List.of(Scenario.values()));
    }

    static final String USAGE = """
            usage: %s [--warmup S] [--warmup-max S] [--jit-settled PERCENT] [--seconds S]
                      [--scenarios ndjson,ws,single]
                      [--platforms N] [--clients N] [--instances N]
                      [--batch N] [--batch-connections N] [--batch-in-flight N]
                      [--frame N] [--window N] [--single-connections N] [--single-in-flight N]
            """.formatted(MAIN);

    /** Reads {@code args}; throws {@link IllegalArgumentException} with the reason on a bad flag. */
    static BenchOptions parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!flag.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --flag VALUE at '" + flag + "'");
            }
            given.put(flag.substring(2), args[++i]);
        }
        BenchOptions d = defaults();
        BenchOptions o = new BenchOptions(
                number(given, "warmup", d.warmupSeconds), number(given, "warmup-max", d.warmupMaxSeconds),
                number(given, "jit-settled", d.jitSettledPercent), number(given, "seconds", d.seconds),
                number(given, "platforms", d.platforms), number(given, "clients", d.clients),
                number(given, "instances", d.instances), number(given, "batch", d.batch),
                number(given, "batch-connections", d.batchConnections),
                number(given, "batch-in-flight", d.batchInFlight),
                number(given, "frame", d.frame), number(given, "window", d.window),
                number(given, "single-connections", d.singleConnections),
                number(given, "single-in-flight", d.singleInFlight),
                given.containsKey("scenarios") ? Scenario.list(given.remove("scenarios")) : d.scenarios);
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown flag(s): --" + String.join(", --", given.keySet()));
        }
        if (o.seconds < 1 || o.warmupSeconds < 0 || o.instances < 1 || o.platforms < 1 || o.clients < 1
                || o.batch < 1 || o.frame < 1 || o.window < 1 || o.batchConnections < 1 || o.batchInFlight < 1
                || o.singleConnections < 1 || o.singleInFlight < 1) {
            throw new IllegalArgumentException("every count must be at least 1 (warm-up at least 0)");
        }
        if (o.warmupMaxSeconds < o.warmupSeconds || o.jitSettledPercent < 0 || o.jitSettledPercent > 100) {
            throw new IllegalArgumentException("--warmup-max must be at least --warmup, --jit-settled from 0 to 100");
        }
        return o;
    }

    private static int number(Map<String, String> given, String flag, int fallback) {
        String value = given.remove(flag);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + flag + " must be a whole number, not '" + value + "'");
        }
    }

    /** The command that reruns this benchmark with these options, every flag spelt out. */
    String command() {
        List<String> parts = new ArrayList<>(List.of(MAIN,
                "--warmup", "" + warmupSeconds, "--warmup-max", "" + warmupMaxSeconds,
                "--jit-settled", "" + jitSettledPercent, "--seconds", "" + seconds,
                "--scenarios", Scenario.names(scenarios),
                "--platforms", "" + platforms, "--clients", "" + clients, "--instances", "" + instances,
                "--batch", "" + batch, "--batch-connections", "" + batchConnections,
                "--batch-in-flight", "" + batchInFlight, "--frame", "" + frame, "--window", "" + window,
                "--single-connections", "" + singleConnections, "--single-in-flight", "" + singleInFlight));
        return String.join(" ", parts);
    }
}

package io.arbiter.bench.decision;

import io.arbiter.domain.ClientFactors;
import io.arbiter.domain.Decision;
import io.arbiter.domain.Instance;
import io.arbiter.domain.Resources;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Contention to decision, Arbiter against the original specification, in one command: first, for
 * the same platform and need at each size, how many instances each approach interrupts; then
 * {@link DecisionBench} through JMH with its own settings (one fork; 5 measured iterations of 2 s
 * after 5 warm-up iterations for Arbiter, 10 for the baseline); then one table, with the first
 * decision after a scoring pass and what keeping the platform's roster costs beside it, and whether the targets at 100,000 instances are met:
 * Arbiter's median under 5 ms and at least 20 times faster than the baseline's median.
 *
 * <p>Run: {@code bin/bench io.arbiter.bench.decision.DecisionComparison [JMH OPTIONS]}; options are
 * JMH's own and override the benchmark's (for instance {@code -p instances=100000}).
 */
public final class DecisionComparison {

    static final int TARGET_SIZE = 100_000;
    static final double TARGET_MEDIAN_MS = 5;
    static final double TARGET_SPEED_UP = 20;

    private DecisionComparison() {
    }

    /** Prints the victims of each approach, runs the benchmark, prints the table. */
    public static void main(String[] args) throws Exception {
        Fleet fleet = Fleet.generate(Fleet.compileRules());
        long assembling = 0;
        long scoring = 0;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            List<ClientFactors> factors = fleet.assemble();
            long assembled = System.nanoTime();
            fleet.score(factors);
            assembling = assembled - start;
            scoring = System.nanoTime() - assembled;
        }
        System.out.printf(Locale.ROOT, "Re-scoring %,d clients (third run): assembling factors %.0f ms, scoring by "
                + "the rules %.0f ms%n", Fleet.CLIENTS, assembling / 1e6, scoring / 1e6);
        Map<Integer, int[]> victims = new TreeMap<>();
        for (int size : new int[] {1_000, 10_000, 100_000}) {
            ContendedPlatform platform = ContendedPlatform.generate(fleet, size);
            Decision decision = platform.arbiter();
            List<Instance> baseline = platform.specificationBaseline();
            victims.put(size, new int[] {decision.actions().size(), baseline.size()});
            System.out.printf(Locale.ROOT, "%,d instances: allocated %s, need %s; arbiter interrupts %,d (%s, "
                            + "short by %s), the specification %,d (%s)%n", size, amount(platform.allocated()),
                    amount(platform.contention().need()), decision.actions().size(), amount(platform.interrupted(decision)),
                    amount(decision.shortfall()), baseline.size(), amount(ContendedPlatform.total(baseline)));
        }
        OptionsBuilder options = new OptionsBuilder();
        options.parent(new CommandLineOptions(args)).include(Pattern.quote(DecisionBench.class.getName()) + "\\.");
        Collection<RunResult> results = new Runner(options.build()).run();

        Map<String, Map<Integer, Statistics>> byBenchmark = new TreeMap<>();
        for (RunResult r : results) {
            int size = Integer.parseInt(r.getParams().getParam("instances"));
            String benchmark = r.getParams().getBenchmark();
            byBenchmark.computeIfAbsent(benchmark.substring(benchmark.lastIndexOf('.') + 1), b -> new TreeMap<>())
                    .put(size, r.getPrimaryResult().getStatistics());
        }
        Map<Integer, Statistics> arbiter = byBenchmark.getOrDefault("arbiter", Map.of());
        Map<Integer, Statistics> baseline = byBenchmark.getOrDefault("specificationBaseline", Map.of());
        Map<Integer, Statistics> afterPass = byBenchmark.getOrDefault("arbiterAfterScoringPass", Map.of());
        Map<Integer, Statistics> anew = byBenchmark.getOrDefault("rosterMadeAnew", Map.of());
        Map<Integer, Statistics> patched = byBenchmark.getOrDefault("rosterPatched", Map.of());
        System.out.println();
        System.out.println("| instances | arbiter median | arbiter p99 | baseline median | speed-up "
                + "| victims arbiter | victims baseline | first after a scoring pass | roster made anew "
                + "| roster patched, one change |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<Integer, Statistics> e : arbiter.entrySet()) {
            int size = e.getKey();
            Statistics b = baseline.get(size);
            int[] v = victims.getOrDefault(size, new int[] {-1, -1});
            System.out.printf(Locale.ROOT, "| %,d | %s | %s | %s | %s | %,d | %,d | %s | %s | %s |%n", size,
                    ms(median(e.getValue())), ms(e.getValue().getPercentile(99)), b == null ? "–" : ms(median(b)),
                    b == null ? "–" : String.format(Locale.ROOT, "%.0f×", median(b) / median(e.getValue())), v[0], v[1],
                    medianOf(afterPass.get(size)), medianOf(anew.get(size)), medianOf(patched.get(size)));
        }
        Statistics a = arbiter.get(TARGET_SIZE);
        Statistics b = baseline.get(TARGET_SIZE);
        if (a != null && b != null) {
            double speedUp = median(b) / median(a);
            System.out.printf(Locale.ROOT, "%nAt %,d instances: arbiter median %s < %.0f ms: %s; speed-up %.0f× ≥ "
                            + "%.0f×: %s%n", TARGET_SIZE, ms(median(a)), TARGET_MEDIAN_MS,
                    median(a) < TARGET_MEDIAN_MS ? "PASS" : "FAIL", speedUp, TARGET_SPEED_UP,
                    speedUp >= TARGET_SPEED_UP ? "PASS" : "FAIL");
        }
    }

    private static double median(Statistics s) {
        return s.getPercentile(50);
    }

    private static String medianOf(Statistics s) {
        return s == null ? "–" : ms(median(s));
    }

    private static String ms(double value) {
        return value >= 10 ? String.format(Locale.ROOT, "%.0f ms", value)
                : value >= 0.1 ? String.format(Locale.ROOT, "%.2f ms", value)
                : String.format(Locale.ROOT, "%.0f µs", value * 1000);
    }

    private static String amount(Resources r) {
        return String.format(Locale.ROOT, "%,.1f cores / %,.0f GiB", r.cpu(), r.memoryGiB());
    }
}

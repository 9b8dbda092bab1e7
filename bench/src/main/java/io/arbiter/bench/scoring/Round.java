package io.arbiter.bench.scoring;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * One policy change, timed from sending the {@code PUT}.
 *
 * @param slaWeight the {@code sla} weight the change put in force
 * @param rescored the {@code rescored} count of the {@code PUT}'s answer
 * @param answeredNanos until the {@code PUT} answered
 * @param visibleNanos until a read of every client's score showed all of them with the new policy version
 * @param reads how many reads of every score that took (1: the first read after the answer)
 * @param stale clients still without a score of the new version when the wait gave up (0 when all had one)
 * @param passes the node's re-scoring passes that ended during the round, as its metrics count them
 * @param cpuNanos CPU time this process (node and bench client, every thread) used during the round
 */
record Round(String name, double slaWeight, int rescored, long answeredNanos, long visibleNanos, int reads,
             int stale, PassMetrics passes, long cpuNanos) {

    static final String HEADER = "| round | sla weight | PUT answered | every new CVS readable | reads | rescored "
            + "| scoring passes | mean pass | CPU |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";

    String row() {
        return String.format(Locale.ROOT, "| %s | %.2f | %s | %s | %d | %,d | %d | %s | %s |%n", name, slaWeight,
                millis(answeredNanos), stale == 0 ? millis(visibleNanos) : "not after " + millis(visibleNanos)
                        + " (" + stale + " stale)", reads, rescored, passes.count(), millis(passes.meanNanos()),
                millis(cpuNanos));
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    /** The middle value of {@code rounds}' figure (the mean of the two middle ones for an even count). */
    static long median(List<Round> rounds, ToLongFunction<Round> figure) {
        long[] sorted = rounds.stream().mapToLong(figure).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The largest value of {@code rounds}' figure. */
    static long worst(List<Round> rounds, ToLongFunction<Round> figure) {
        return rounds.stream().max(Comparator.comparingLong(figure)).map(figure::applyAsLong).orElse(0L);
    }
}

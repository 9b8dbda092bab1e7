package io.arbiter.bench.scoring;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The node's re-scoring passes as {@code GET /metrics} counts them (the {@code arbiter_scoring_pass}
 * timer): how many ended and the seconds they took in all.
 */
record PassMetrics(long count, double seconds) {

    private static final Pattern COUNT = Pattern.compile("(?m)^arbiter_scoring_pass_seconds_count(?:\\{[^}]*})? (\\S+)$");
    private static final Pattern SUM = Pattern.compile("(?m)^arbiter_scoring_pass_seconds_sum(?:\\{[^}]*})? (\\S+)$");

    static PassMetrics read(NodeHttp http) {
        String text = http.get("/metrics").expect(200, "GET /metrics").body();
        return new PassMetrics((long) value(COUNT, text), value(SUM, text));
    }

    private static double value(Pattern metric, String text) {
        Matcher m = metric.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("GET /metrics has no " + metric.pattern());
        }
        return Double.parseDouble(m.group(1));
    }

    /** The passes that ended between {@code before} and this reading. */
    PassMetrics since(PassMetrics before) {
        return new PassMetrics(count - before.count, seconds - before.seconds);
    }

    /** The mean time of one pass, 0 when none ended. */
    long meanNanos() {
        return count == 0 ? 0 : Math.round(seconds / count * 1e9);
    }
}

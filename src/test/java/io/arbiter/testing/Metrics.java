package io.arbiter.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading one node's {@code GET /metrics} (Prometheus text) in tests. */
public final class Metrics {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    private Metrics() {
    }

    /**
     * The sum of the samples of {@code metric} whose labels include every {@code label="value"} of
     * {@code labels} (0 when there is none yet).
     */
    public static double sum(Http http, String metric, String... labels) {
        Matcher m = SAMPLE.matcher(http.get("/metrics").body());
        double total = 0;
        while (m.find()) {
            if (m.group(1).equals(metric) && hasAll(m.group(2), labels)) {
                total += Double.parseDouble(m.group(3));
            }
        }
        return total;
    }

    private static boolean hasAll(String labelSet, String... labels) {
        for (String label : labels) {
            if (labelSet == null || !(labelSet.contains("{" + label) || labelSet.contains("," + label))) {
                return false;
            }
        }
        return true;
    }
}

package io.arbiter.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.domain.ClientScore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a scenario expects of the scores:
 * <ul>
 *   <li>{@code cvs: {acme: [0.5, 0.7]}} — each client's CVS within a closed range;</li>
 *   <li>{@code order: [bolt, acme]} — these clients' CVS strictly rising, lowest first;</li>
 *   <li>{@code adjustedBy: {acme: "rule name"}} — the client's score was changed by that rule (a list
 *       names several; an empty list says no rule changed it).</li>
 * </ul>
 *   <li>{@code decisions: [{interrupt: [i1, i2], shortfall: {cpu: 4, memoryGiB: 0}}]} — one entry per
 *       {@code contention} event, in order: the instances interrupted, lowest CVS first,
 *       {@code migrate: ["g1 -> slot-a"]} the instances migrated and their shadow slots (none when
 *       left out), and optionally the shortfall and {@code excluded: {reason text: count}} (a reason
 *       matches when it contains the text).</li>
 * </ul>
 * Any other key is an error.
 */
record Expectations(Map<String, double[]> cvs, List<String> order, Map<String, List<String>> adjustedBy,
                    List<DecisionExpectation> decisions) {

    private static final Set<String> KEYS = Set.of("cvs", "order", "adjustedBy", "decisions");
    private static final Set<String> DECISION_KEYS = Set.of("interrupt", "migrate", "shortfall", "excluded");

    /** What one contention's decision should be. {@code shortfall} and {@code excluded} may be null. */
    record DecisionExpectation(List<String> interrupt, List<String> migrate, double[] shortfall,
                               Map<String, Integer> excluded) {
    }

    /** Reads {@code expect}, adding each problem (as {@code expect.key: reason}) to {@code problems}. */
    static Expectations read(JsonNode expect, List<String> problems) {
        if (expect == null || !expect.isObject() || expect.isEmpty()) {
            problems.add("expect: must name at least one expectation: cvs, order, adjustedBy or decisions");
            return new Expectations(Map.of(), List.of(), Map.of(), List.of());
        }
        expect.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                problems.add("expect." + key + ": unknown expectation; known expectations are cvs, order, "
                        + "adjustedBy, decisions");
            }
        });
        return new Expectations(ranges(expect.get("cvs"), problems), names(expect.get("order"), "expect.order",
                problems), rules(expect.get("adjustedBy"), problems), decisions(expect.get("decisions"), problems));
    }

    private static List<DecisionExpectation> decisions(JsonNode node, List<String> problems) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add("expect.decisions: must be a list, one entry per contention event");
            return List.of();
        }
        List<DecisionExpectation> list = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode d = node.get(i);
            String path = "expect.decisions[" + i + "]";
            if (!d.isObject()) {
                problems.add(path + ": must be a mapping with interrupt (and shortfall, excluded)");
                continue;
            }
            d.fieldNames().forEachRemaining(key -> {
                if (!DECISION_KEYS.contains(key)) {
                    problems.add(path + "." + key + ": unknown; known are interrupt, migrate, shortfall, excluded");
                }
            });
            double[] shortfall = null;
            JsonNode s = d.get("shortfall");
            if (s != null) {
                if (s.path("cpu").isNumber() && s.path("memoryGiB").isNumber()) {
                    shortfall = new double[] {s.get("cpu").doubleValue(), s.get("memoryGiB").doubleValue()};
                } else {
                    problems.add(path + ".shortfall: must be {cpu: N, memoryGiB: N}");
                }
            }
            Map<String, Integer> excluded = null;
            if (d.get("excluded") != null) {
                excluded = new LinkedHashMap<>();
                Map<String, Integer> into = excluded;
                forEachEntry(d.get("excluded"), path + ".excluded", problems, (reason, n) -> {
                    if (n.canConvertToInt()) {
                        into.put(reason, n.intValue());
                    } else {
                        problems.add(path + ".excluded." + reason + ": must be a count");
                    }
                });
            }
            List<String> migrate = d.get("migrate") == null ? List.of()
                    : names(d.get("migrate"), path + ".migrate", problems);
            list.add(new DecisionExpectation(names(d.get("interrupt"), path + ".interrupt", problems), migrate,
                    shortfall, excluded));
        }
        return list;
    }

    /** What differs between the expected decisions and {@code outcomes}; empty when none. */
    List<String> checkDecisions(List<ContentionJudge.Outcome> outcomes) {
        List<String> failures = new ArrayList<>();
        if (outcomes.size() != decisions.size()) {
            failures.add("decisions: " + outcomes.size() + " contention(s) decided, " + decisions.size() + " expected");
            return failures;
        }
        for (int i = 0; i < decisions.size(); i++) {
            DecisionExpectation want = decisions.get(i);
            ContentionJudge.Outcome got = outcomes.get(i);
            if (!want.interrupt().equals(got.interrupted())) {
                failures.add("decisions[" + i + "]: interrupted " + got.interrupted() + ", expected " + want.interrupt());
            }
            if (!want.migrate().equals(got.migrated())) {
                failures.add("decisions[" + i + "]: migrated " + got.migrated() + ", expected " + want.migrate());
            }
            if (want.shortfall() != null && (Math.abs(want.shortfall()[0] - got.shortfall().cpu()) > 1e-9
                    || Math.abs(want.shortfall()[1] - got.shortfall().memoryGiB()) > 1e-9)) {
                failures.add("decisions[" + i + "]: short by " + got.shortfall().cpu() + " cpu and "
                        + got.shortfall().memoryGiB() + " GiB, expected " + want.shortfall()[0] + " and "
                        + want.shortfall()[1]);
            }
            if (want.excluded() != null) {
                for (Map.Entry<String, Integer> expected : want.excluded().entrySet()) {
                    int actual = got.excluded().entrySet().stream().filter(e -> e.getKey().contains(expected.getKey()))
                            .mapToInt(Map.Entry::getValue).sum();
                    if (actual != expected.getValue()) {
                        failures.add("decisions[" + i + "]: " + actual + " excluded as '" + expected.getKey()
                                + "', expected " + expected.getValue() + " (excluded: " + got.excluded() + ")");
                    }
                }
            }
        }
        return failures;
    }

    private static Map<String, double[]> ranges(JsonNode node, List<String> problems) {
        Map<String, double[]> ranges = new LinkedHashMap<>();
        forEachEntry(node, "expect.cvs", problems, (client, range) -> {
            if (range.isArray() && range.size() == 2 && range.get(0).isNumber() && range.get(1).isNumber()
                    && range.get(0).doubleValue() <= range.get(1).doubleValue()) {
                ranges.put(client, new double[] {range.get(0).doubleValue(), range.get(1).doubleValue()});
            } else {
                problems.add("expect.cvs." + client + ": must be a range [low, high] of two numbers, low <= high");
            }
        });
        return ranges;
    }

    private static Map<String, List<String>> rules(JsonNode node, List<String> problems) {
        Map<String, List<String>> rules = new LinkedHashMap<>();
        forEachEntry(node, "expect.adjustedBy", problems, (client, names) -> rules.put(client, names.isTextual()
                ? List.of(names.textValue()) : names(names, "expect.adjustedBy." + client, problems)));
        return rules;
    }

    private static List<String> names(JsonNode node, String path, List<String> problems) {
        if (node == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        node.forEach(n -> names.add(n.asText()));
        if (!node.isArray() || names.stream().anyMatch(String::isEmpty)) {
            problems.add(path + ": must be a list of names");
        }
        return names;
    }

    private interface EntryVisitor {
        void visit(String key, JsonNode value);
    }

    private static void forEachEntry(JsonNode node, String path, List<String> problems, EntryVisitor visitor) {
        if (node == null) {
            return;
        }
        if (!node.isObject()) {
            problems.add(path + ": must be a mapping of client ids");
            return;
        }
        node.fields().forEachRemaining(e -> visitor.visit(e.getKey(), e.getValue()));
    }

    /** What differs between these expectations and {@code scores} (by client id); empty when none. */
    List<String> check(Map<String, ClientScore> scores) {
        List<String> failures = new ArrayList<>();
        cvs.forEach((client, range) -> {
            ClientScore s = scores.get(client);
            if (s == null) {
                failures.add(noSuchClient("cvs", client));
            } else if (s.cvs() < range[0] || s.cvs() > range[1]) {
                failures.add("cvs of " + client + " is " + round(s.cvs()) + ", expected between " + range[0]
                        + " and " + range[1]);
            }
        });
        checkOrder(scores, failures);
        adjustedBy.forEach((client, rules) -> {
            ClientScore s = scores.get(client);
            if (s == null) {
                failures.add(noSuchClient("adjustedBy", client));
            } else if (rules.isEmpty() ? !s.adjustments().isEmpty() : !s.adjustments().containsAll(rules)) {
                failures.add("adjustedBy: " + client + " was adjusted by " + s.adjustments() + ", expected "
                        + (rules.isEmpty() ? "no rule" : rules));
            }
        });
        return failures;
    }

    private void checkOrder(Map<String, ClientScore> scores, List<String> failures) {
        List<String> missing = order.stream().filter(c -> !scores.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            missing.forEach(c -> failures.add(noSuchClient("order", c)));
            return;
        }
        for (int i = 1; i < order.size(); i++) {
            if (!(scores.get(order.get(i - 1)).cvs() < scores.get(order.get(i)).cvs())) {
                String actual = order.stream()
                        .sorted(Comparator.comparingDouble(c -> scores.get(c).cvs()))
                        .map(c -> c + " (" + round(scores.get(c).cvs()) + ")")
                        .collect(Collectors.joining(", "));
                failures.add("order: expected " + String.join(", ", order) + " (lowest CVS first), got " + actual);
                return;
            }
        }
    }

    private static String noSuchClient(String expectation, String client) {
        return expectation + ": no client '" + client + "' was registered";
    }

    private static String round(double cvs) {
        return String.format(Locale.ROOT, "%.4f", cvs);
    }
}

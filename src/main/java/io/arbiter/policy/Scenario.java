package io.arbiter.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One policy scenario of a {@code policies/tests/*.yaml} file:
 * <pre>
 * - name: gold outranks silver          # required
 *   description: why it matters         # optional
 *   now: 2026-12-03T10:00:00Z           # optional; the default is 2026-01-01T00:00:00Z
 *   policy: {weights: {sla: 0.9}}       # optional: keys that differ from policies/default.yaml
 *   events: [ {id: c1, type: client.registered, clientId: acme, name: Acme, slaTier: gold}, … ]
 *   expect: {cvs: {acme: [0.5, 0.7]}, order: [bolt, acme], adjustedBy: {bolt: "rule name"}}
 * </pre>
 * Events are the JSON events of {@code POST /v1/events}; one without {@code time} happens at
 * {@code now}. Unknown keys are errors. Contentions are events of the list ({@code type: contention});
 * {@code expect.decisions} says what each should decide.
 *
 * @param problems what is wrong with the scenario's own text; a scenario with problems fails
 */
record Scenario(String name, Instant now, JsonNode policy, List<JsonNode> events, Expectations expect,
                List<String> problems) {

    /** The {@code now} of a scenario that gives none. */
    static final Instant DEFAULT_NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static final Set<String> KEYS = Set.of("name", "description", "now", "policy", "events", "expect");

    /** Reads the {@code index}th scenario of a file. */
    static Scenario read(JsonNode node, int index) {
        List<String> problems = new ArrayList<>();
        if (!node.isObject()) {
            return new Scenario("#" + (index + 1), DEFAULT_NOW, null, List.of(), null,
                    List.of("must be a mapping with name, events and expect"));
        }
        String name = node.path("name").asText("");
        if (name.isBlank()) {
            problems.add("name: is required");
            name = "#" + (index + 1);
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                problems.add(key + ": unknown key; known keys are name, description, now, policy, events, expect");
            }
        });
        List<JsonNode> events = new ArrayList<>();
        JsonNode eventsNode = node.get("events");
        if (eventsNode == null || !eventsNode.isArray()) {
            problems.add("events: must be a list of events (YAML aliases such as *name are not supported)");
        } else {
            eventsNode.forEach(events::add);
        }
        JsonNode policy = node.get("policy");
        if (policy != null && !policy.isObject()) {
            problems.add("policy: must be a mapping of the policy keys to change");
        }
        Expectations expect = Expectations.read(node.get("expect"), problems);
        return new Scenario(name, now(node.get("now"), problems), policy, events, expect, problems);
    }

    private static Instant now(JsonNode node, List<String> problems) {
        if (node == null) {
            return DEFAULT_NOW;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            problems.add("now: must be an ISO-8601 instant such as 2026-12-03T10:00:00Z");
            return DEFAULT_NOW;
        }
    }
}

package io.arbiter.testing;

import io.arbiter.arbitration.DecisionIds;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.WireName;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one node answers about decisions, actions, the ledger and its simulator, read over its
 * HTTP API as an operator would: the reads cluster tests compare from member to member.
 */
public final class NodeReads {

    private NodeReads() {
    }

    /** An action's state on the wire ({@code stopped}, {@code completed}, …). */
    public static String status(Http http, String actionId) {
        return http.get("/v1/actions/" + actionId).json().getString("status");
    }

    /** An action's history, oldest state first. */
    public static JsonArray history(Http http, String actionId) {
        return http.get("/v1/actions/" + actionId).json().getJsonArray("history");
    }

    /** When {@code action} reached the last state of its history. */
    public static Instant finishedAt(Http http, JsonObject action) {
        JsonArray h = history(http, action.getString("actionId"));
        return Instant.parse(h.getJsonObject(h.size() - 1).getString("at"));
    }

    /** A client's ledger entries, oldest first. */
    public static JsonArray ledger(Http http, String clientId) {
        return http.get("/v1/ledger?clientId=" + clientId).json().getJsonArray("entries");
    }

    /** The decisions on {@code platformId}, newest first (at most 1,000). */
    public static List<JsonObject> decisions(Http http, String platformId) {
        return http.get("/v1/decisions?limit=1000&platformId=" + platformId).json().getJsonArray("decisions")
                .stream().map(o -> (JsonObject) o).toList();
    }

    /** The decision the contention {@code triggerId} on {@code platformId} led to. */
    public static JsonObject decision(Http http, String platformId, String triggerId) {
        return http.get("/v1/decisions/" + DecisionIds.decision(platformId, triggerId, 0)).json();
    }

    /** How many decisions on {@code platformId} each trigger has. */
    public static Map<String, Integer> decisionsByTrigger(Http http, String platformId) {
        Map<String, Integer> counts = new HashMap<>();
        decisions(http, platformId).forEach(d -> counts.merge(d.getJsonObject("trigger").getString("id"), 1,
                Integer::sum));
        return counts;
    }

    /** The earliest decision on {@code platformId} taken after {@code after}, or null. */
    public static Instant firstDecisionAfter(Http http, String platformId, Instant after) {
        return decisions(http, platformId).stream().map(d -> Instant.parse(d.getString("decidedAt")))
                .filter(t -> t.isAfter(after)).min(Instant::compareTo).orElse(null);
    }

    /** Every interrupt action of the decisions on {@code platformId}. */
    public static List<JsonObject> interruptActions(Http http, String platformId) {
        List<JsonObject> actions = new ArrayList<>();
        for (JsonObject d : decisions(http, platformId)) {
            d.getJsonArray("actions").forEach(a -> {
                if ("interrupt".equals(((JsonObject) a).getString("type"))) {
                    actions.add((JsonObject) a);
                }
            });
        }
        return actions;
    }

    /**
     * The ids of the interrupt actions, among the node's newest 1,000 decisions on any platform, that
     * are not over: not in a final state yet, or stopped or terminated with the instance not yet
     * recorded as stopped (the last thing an interruption does, after counting its outcome in
     * {@code arbiter_actions_total}). Once none is, the node's action counters stand still.
     */
    public static List<String> interruptionsUnderWay(Http http) {
        List<String> underWay = new ArrayList<>();
        http.get("/v1/decisions?limit=1000").json().getJsonArray("decisions").forEach(d ->
                ((JsonObject) d).getJsonArray("actions").forEach(a -> {
                    JsonObject action = (JsonObject) a;
                    if ("interrupt".equals(action.getString("type")) && !interruptionOver(http, action)) {
                        underWay.add(action.getString("actionId"));
                    }
                }));
        return underWay;
    }

    private static boolean interruptionOver(Http http, JsonObject action) {
        String status = action.getString("status");
        if (!WireName.parse(ActionStatus.class, status).map(ActionStatus::isFinal).orElse(false)) {
            return false;
        }
        String instance = action.getString("instanceId");
        return !(status.equals("stopped") || status.equals("terminated"))
                || "stopped".equals(http.get("/v1/instances/" + instance).json().getString("state"));
    }

    /** Sets how the node's simulator makes {@code instanceId} behave ({@code {"onShutdown":"ignore"}}, …). */
    public static void behave(Http http, String instanceId, String behaviour) {
        Http.Answer a = http.send(HttpRequest.newBuilder(http.uri("/v1/simulator/instances/" + instanceId))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(behaviour)));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
    }

    /** How many graceful shutdowns of {@code instanceId} the node's simulator was asked for. */
    public static long shutdownsAsked(Http http, String instanceId) {
        return http.get("/v1/simulator/instances/" + instanceId).json().getJsonArray("calls").stream()
                .filter(c -> ((String) c).startsWith("shutdown ")).count();
    }
}

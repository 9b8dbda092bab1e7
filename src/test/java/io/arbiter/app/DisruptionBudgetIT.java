package io.arbiter.app;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Contention;
import io.arbiter.domain.ContentionReason;
import io.arbiter.domain.Decision;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Severity;
import io.arbiter.testing.Http;
import io.arbiter.testing.PolicyEdits;
import io.arbiter.testing.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.contention;
import static io.arbiter.testing.Events.instance;
import static io.arbiter.testing.Events.platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The disruption budget is enforced where decisions are kept, not only where they are taken: an
 * interruption the durable store keeps but this node's grid has not heard of (as when another
 * member, or another platform's decision, spent the client's budget a moment before) still counts.
 */
class DisruptionBudgetIT {

    private static TestNode node;
    private static Http http;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        http = node.http();
        // Scores by SLA tier alone (bronze below silver), both under the threshold; one interruption a day.
        http.editPolicy(policy -> {
            PolicyEdits.scoreBySlaTierAlone(policy);
            JsonObject interruption = policy.getJsonObject("interruption");
            interruption.put("threshold", 0.9).put("gracePeriod", "PT5S");
            interruption.getJsonObject("disruptionBudget").put("maxInterruptions", 1).put("window", "PT24H");
        });
        String hourAgo = Instant.now().minusSeconds(3600).toString();
        JsonArray events = new JsonArray().add(platform("e-p", "p-budget", 16, 64))
                .add(client("e-low", "lowest", "bronze")).add(client("e-next", "next", "silver"))
                .add(client("e-dear", "dear", "platinum"))
                .add(instance("e-i-low", "i-low", "lowest", "p-budget", "interruptible", 4, 8).put("time", hourAgo))
                .add(instance("e-i-next", "i-next", "next", "p-budget", "interruptible", 4, 8).put("time", hourAgo));
        assertThat(http.events(events.encode()).status()).isEqualTo(202);
        await().atMost(30, TimeUnit.SECONDS).until(() -> List.of("lowest", "next", "dear").stream()
                .allMatch(c -> http.get("/v1/clients/" + c).json().getValue("cvs") != null));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void anInterruptionKeptInTheStoreThatTheGridHasNotSeenStillSpendsTheClientsBudget() {
        // 8 cores free, 12 wanted: one 4-core instance gives way, the lowest client's first.
        JsonObject wanted = contention("k-budget", "p-budget", "normal", 12, "dear");
        Http.Answer planned = http.post("/v1/arbitrations?dryRun=true", "application/json", wanted.encode());
        assertThat(victims(planned.json())).as("with its budget untouched").containsExactly("i-low");

        node.store().saveDecision(interruptedElsewhere("lowest"));
        assertThat(http.events(wanted.encode()).status()).isEqualTo(202);

        await().atMost(20, TimeUnit.SECONDS).until(() -> decisions().size() == 1);
        JsonObject decision = decisions().get(0);
        assertThat(victims(decision)).as(decision.encodePrettily()).containsExactly("i-next");
        assertThat(decision.getJsonObject("excluded").getMap()).containsEntry("client over its disruption budget", 1);
        assertThat(http.get("/v1/instances/i-low").json().getString("state")).isEqualTo("running");
    }

    /** A decision on another platform, taken a minute ago, interrupting one instance of {@code clientId}. */
    private static Decision interruptedElsewhere(String clientId) {
        Instant at = Instant.now().minusSeconds(60);
        ActionRecord interrupt = new ActionRecord("d-elsewhere-1", "d-elsewhere", ActionType.INTERRUPT, "p-elsewhere",
                "i-elsewhere", clientId, 0.25, "lowest CVS", null, null, ActionStatus.PENDING,
                List.of(new ActionRecord.Step(ActionStatus.PENDING, at, "decided")));
        return new Decision("d-elsewhere", "p-elsewhere", "k-elsewhere", false, new Contention("p-elsewhere",
                ContentionReason.CAPACITY, Severity.NORMAL, new Resources(4, 8), "dear"), "rev", "v1", at,
                List.of(interrupt), new Resources(4, 8), Resources.ZERO, Map.of(), List.of(), "interrupting elsewhere");
    }

    private static List<JsonObject> decisions() {
        return http.get("/v1/decisions?platformId=p-budget").json().getJsonArray("decisions").stream()
                .map(o -> (JsonObject) o).toList();
    }

    private static List<String> victims(JsonObject decision) {
        return decision.getJsonArray("actions").stream().map(a -> ((JsonObject) a).getString("instanceId")).toList();
    }
}

package io.arbiter.http;

import io.arbiter.testing.Http;
import io.arbiter.testing.ProjectDir;
import io.arbiter.testing.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.arbiter.testing.Events.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rule files edited under a running node: saved changes take effect, broken ones are refused. */
class RulesReloadIT {

    private static Path rules;
    private static TestNode node;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        rules = Files.createTempDirectory("arbiter-rules-");
        Files.copy(ProjectDir.path().resolve("rules/cvs.drl"), rules.resolve("cvs.drl"));
        node = TestNode.withRules(rules);
        http = node.http();
        http.events(new JsonArray().add(client("rr-1", "acme", "gold")).add(client("rr-2", "bolt", "bronze")).encode());
        await().atMost(30, TimeUnit.SECONDS).until(() -> cvs("bolt") != null && cvs("acme") != null);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Double cvs(String clientId) {
        JsonObject c = http.get("/v1/clients/" + clientId).json();
        return c.getDouble("cvs");
    }

    @Test
    void aSavedRuleFileChangesScoresWithoutARestart() throws IOException {
        String before = http.get("/v1/rules").json().getString("revision");
        Files.writeString(rules.resolve("bronze-floor.drl"), """
                package arbiter.test;
                import io.arbiter.policy.CvsFacts.ScoringInput;
                import io.arbiter.policy.CvsFacts.ScoreAdjustment;

                rule "Keep bolt at 0.9"
                when
                    ScoringInput(clientId == "bolt", $id : clientId)
                then
                    insert(ScoreAdjustment.floor($id, 0.9));
                end
                """);

        await().atMost(20, TimeUnit.SECONDS).until(() -> Double.valueOf(0.9).equals(cvs("bolt")));

        JsonObject bolt = http.get("/v1/clients/bolt").json();
        assertThat(bolt.getJsonArray("adjustedBy").getList()).contains("Keep bolt at 0.9");
        assertThat(bolt.getString("ruleRevision")).isNotEqualTo(before);
        assertThat(http.get("/v1/rules").json().getJsonArray("files").size()).isEqualTo(2);
        Files.delete(rules.resolve("bronze-floor.drl"));
        await().atMost(20, TimeUnit.SECONDS).until(() -> cvs("bolt") < 0.9);
    }

    @Test
    void aBrokenRuleFileIsRefusedWithItsLineAndTheOldRulesStayInForce() throws IOException {
        await().atMost(20, TimeUnit.SECONDS).until(() -> http.get("/v1/rules").json().getJsonArray("files").size() == 1);
        String inForce = http.get("/v1/rules").json().getString("revision");
        Files.writeString(rules.resolve("broken.drl"), """
                package arbiter.test;

                rule "Never finished"
                when
                    ScoringInput(clientId == )
                then
                end
                """);
        try {
            Http.Answer reload = http.post("/v1/rules/reload", "application/json", "");

            assertThat(reload.status()).isEqualTo(422);
            JsonObject error = reload.errors().getJsonObject(0);
            assertThat(error.getString("file")).endsWith("broken.drl");
            assertThat(error.getInteger("line")).isEqualTo(5);
            assertThat(http.get("/v1/rules").json().getString("revision")).isEqualTo(inForce);
            http.events(client("rr-3", "late", "silver").encode());
            await().atMost(20, TimeUnit.SECONDS).until(() -> cvs("late") != null);
            assertThat(http.get("/v1/clients/late").json().getString("ruleRevision")).isEqualTo(inForce);
        } finally {
            Files.delete(rules.resolve("broken.drl"));
        }
        assertThat(http.post("/v1/rules/reload", "application/json", "").status()).isEqualTo(200);
    }
}

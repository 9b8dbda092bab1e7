package io.arbiter.app;

import io.arbiter.arbitration.DecisionIds;
import io.arbiter.testing.Http;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.instance;
import static io.arbiter.testing.Events.platform;
import static io.arbiter.testing.NodeProcess.awaitReady;
import static io.arbiter.testing.FreePorts.one;
import static io.arbiter.testing.NodeProcess.kill9;
import static io.arbiter.testing.NodeProcess.serve;
import static io.arbiter.testing.NodeProcess.stopLeftOverPostgres;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real node JVM killed with {@code kill -9} right after acknowledging a contention, started again
 * on the same data folder: the decision and its actions are all there.
 */
class RestartIT {

    @Test
    void aDecisionAcknowledgedJustBeforeKill9IsReadableAfterARestartOnTheSameDataFolder(@TempDir Path workDir)
            throws Exception {
        int port = one();
        Http http = new Http(port);
        String p = "p-restart";
        String contentionId = "k-restart";
        String decisionId = DecisionIds.decision(p, contentionId, 0);

        Process first = serve(workDir, port, "first.log");
        try {
            awaitReady(http, first, workDir.resolve("first.log"));
            String hourAgo = java.time.Instant.now().minusSeconds(3600).toString();
            JsonArray setup = new JsonArray().add(platform("e-p", p, 16, 64)).add(client("e-c", "cheap", "bronze"));
            for (int n = 1; n <= 3; n++) {
                setup.add(instance("e-i" + n, "i" + n, "cheap", p, "interruptible", 4, 8).put("time", hourAgo));
            }
            assertThat(http.events(setup.encode()).status()).isEqualTo(202);
            await().atMost(60, TimeUnit.SECONDS).until(() -> http.get("/v1/clients/cheap").json().getValue("cvs") != null);

            Http.Answer ack = http.events(new JsonObject().put("id", contentionId).put("type", "contention")
                    .put("platformId", p).put("reason", "capacity").put("severity", "normal")
                    .put("need", new JsonObject().put("cpu", 8).put("memoryGiB", 0)).encode());
            assertThat(ack.status()).as(ack.body()).isEqualTo(202);

            kill9(first);
        } finally {
            first.destroyForcibly();
        }

        Process second = serve(workDir, port, "second.log");
        try {
            awaitReady(http, second, workDir.resolve("second.log"));

            Http.Answer decision = http.get("/v1/decisions/" + decisionId);
            assertThat(decision.status()).as(decision.body()).isEqualTo(200);
            JsonArray actions = decision.json().getJsonArray("actions");
            assertThat(actions).hasSize(1);
            assertThat(decision.json().getJsonObject("trigger").getString("id")).isEqualTo(contentionId);
            assertThat(http.get("/v1/decisions?platformId=" + p).json().getJsonArray("decisions")).hasSize(1);
            Http.Answer action = http.get("/v1/actions/" + actions.getJsonObject(0).getString("actionId"));
            assertThat(action.status()).as(action.body()).isEqualTo(200);
            assertThat(action.json().getJsonArray("history").getJsonObject(0).getString("status")).isEqualTo("pending");

            second.destroy();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).as(Files.readString(workDir.resolve("second.log"))).isZero();
            assertThat(workDir.resolve("data/postgres/PG_VERSION")).as("the data under ./data/postgres").exists();
            assertThat(workDir.resolve("data/postgres/postmaster.pid")).as("its PostgreSQL stopped too").doesNotExist();
        } finally {
            second.destroyForcibly();
            stopLeftOverPostgres(workDir.resolve("data/postgres"));
        }
    }
}

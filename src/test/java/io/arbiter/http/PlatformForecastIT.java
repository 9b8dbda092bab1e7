package io.arbiter.http;

import io.arbiter.testing.Http;
import io.arbiter.testing.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.instance;
import static io.arbiter.testing.Events.platform;
import static io.arbiter.testing.Events.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Predicted contention: a platform whose projected use nears its capacity is flagged before any contention. */
class PlatformForecastIT {

    @Test
    void aPlatformProjectedAboveTheFractionIsFlaggedInTheAnswerTheLogAndTheMetrics() {
        try (TestNode node = TestNode.start()) {
            Http http = node.http();
            Instant t = Instant.now().minusSeconds(600);
            JsonArray events = new JsonArray()
                    .add(platform("f-1", "busy", 10, 100)).add(platform("f-2", "quiet", 10, 100))
                    .add(client("f-3", "acme", "gold"))
                    .add(instance("f-4", "hot", "acme", "busy", "interruptible", 4, 8))
                    .add(instance("f-5", "cool", "acme", "quiet", "interruptible", 4, 8));
            for (int n = 0; n < 10; n++) {
                events.add(usage("f-u" + n, "hot", 9.5, 6, 1).put("time", t.plusSeconds(60L * n).toString()));
                events.add(usage("f-v" + n, "cool", 1, 2, 1).put("time", t.plusSeconds(60L * n).toString()));
            }
            assertThat(http.events(events.encode()).status()).isEqualTo(202);

            JsonObject busy = http.get("/v1/platforms/busy/forecast").json();
            JsonObject quiet = http.get("/v1/platforms/quiet/forecast").json();

            assertThat(busy.getBoolean("contentionPredicted")).isTrue();
            assertThat(busy.getJsonObject("projected").getDouble("cpu")).isGreaterThanOrEqualTo(9.5);
            assertThat(busy.getDouble("threshold")).isEqualTo(0.9);
            assertThat(quiet.getBoolean("contentionPredicted")).isFalse();
            await().atMost(30, TimeUnit.SECONDS).until(() ->
                    http.get("/v1/notices?platformId=busy").json().getJsonArray("notices").size() == 1);
            assertThat(http.get("/v1/notices?platformId=quiet").json().getJsonArray("notices")).isEmpty();
            assertThat(http.get("/metrics").body()).contains("arbiter_platforms_contention_predicted 1.0");
            assertThat(http.get("/v1/platforms/nowhere/forecast").status()).isEqualTo(404);
        }
    }
}

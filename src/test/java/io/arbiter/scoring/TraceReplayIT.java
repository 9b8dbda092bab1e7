package io.arbiter.scoring;

import io.arbiter.testing.Events;
import io.arbiter.testing.Http;
import io.arbiter.testing.ProjectDir;
import io.arbiter.testing.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Replays a real VM (Bitbrains trace 2013-8, VM 5) through {@code POST /v1/events} into a node whose
 * clock stands at the end of the trace, and checks the client's usage and forecast factors against
 * the scoring model fed the same samples.
 */
class TraceReplayIT {

    private static final Duration HALF_LIFE = Duration.ofHours(12);
    private static final Duration HORIZON = Duration.ofHours(1);

    @Test
    void aReplayedVmGivesItsClientTheUsageAndForecastTheModelComputes() throws Exception {
        List<TraceSample> trace = BitbrainsTrace.read(ProjectDir.sharedData("bitbrains-rnd/2013-8/5.csv.gz"));
        TraceSample last = trace.get(trace.size() - 1);
        Instant now = last.time().plus(Duration.ofMinutes(5));
        ClientUsage model = ClientUsage.empty(DecaySpec.uniform(HALF_LIFE));
        trace.forEach(s -> model.sample("vm-5", s.time(), s.cpu(), s.memoryGiB(), s.networkMbps()));
        UsageSummary expected = model.summarize(now, HORIZON, ForecastSelector.standard(), null);

        try (TestNode node = TestNode.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).start()) {
            Http http = node.http();
            assertThat(http.events(new JsonArray()
                    .add(Events.platform("r-1", "rack-1", 64, 256))
                    .add(Events.client("r-2", "owner", "gold"))
                    .add(Events.client("r-3", "idle", "gold"))
                    .add(Events.instance("r-4", "vm-5", "owner", "rack-1", "uninterruptible", last.cores(),
                            last.memoryCapacityGiB())).encode()).status()).isEqualTo(202);
            StringBuilder batch = new StringBuilder();
            for (int n = 0; n < trace.size(); n++) {
                TraceSample s = trace.get(n);
                batch.append(Events.usage("u-" + n, "vm-5", s.cpu(), s.memoryGiB(), s.networkMbps())
                        .put("time", s.time().toString()).encode()).append('\n');
                if (n % 1000 == 999 || n == trace.size() - 1) {
                    Http.Answer answer = http.post("/v1/events", "application/x-ndjson", batch.toString());
                    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
                    batch.setLength(0);
                }
            }

            // Scores below the epsilon do not change (no churn): a weight change re-scores every
            // client, after all samples are in, and the PUT answers once that pass is written.
            http.editPolicy(policy -> {
                policy.getJsonObject("weights").put("usage", 0.5);
            });

            assertThat(factor(http, "usage", "raw")).isCloseTo(expected.decayedCpu(), within(1e-6));
            assertThat(factor(http, "forecast", "raw")).isCloseTo(expected.projection().cpu(), within(1e-6));
            assertThat(expected.projection().cpu()).isGreaterThanOrEqualTo(last.cpu());
            assertThat(factor(http, "usage", "normalized")).isEqualTo(1.0);
            assertThat(http.get("/v1/instances/vm-5").json().getJsonObject("usage").getLong("samples"))
                    .isEqualTo(trace.size());
        }
    }

    private static double factor(Http http, String name, String field) {
        JsonObject client = http.get("/v1/clients/owner").json();
        if (client.getJsonArray("factors").isEmpty()) {
            return 0;
        }
        return client.getJsonArray("factors").stream().map(o -> (JsonObject) o)
                .filter(f -> f.getString("name").equals(name)).findFirst().orElseThrow().getDouble(field);
    }
}

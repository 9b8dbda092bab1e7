package io.arbiter.http;

import io.arbiter.testing.Http;
import io.arbiter.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.arbiter.testing.Events.client;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /metrics}: counts what ingestion did, and Prometheus's own checker accepts the text. */
class MetricsIT {

    private static TestNode node;
    private static Http http;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        http = node.http();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static double value(String text, String series) {
        return text.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .orElseThrow(() -> new AssertionError("no series " + series + " in\n" + text));
    }

    @Test
    void eventsAreCountedByTypeAndOutcome() {
        String accepted = "arbiter_events_accepted_total{type=\"client.registered\"}";
        String duplicates = "arbiter_events_duplicates_total{type=\"client.registered\"}";
        String rejected = "arbiter_events_rejected_total{type=\"client.registered\"}";
        String latency = "arbiter_ingest_latency_seconds_count";
        String before = http.get("/metrics").body();

        http.events(client("m-1", "m-c1", "gold").encode());
        http.events(client("m-1", "m-c1", "gold").encode());
        http.events(client("m-2", "m-c2", "tin").encode());
        String after = http.get("/metrics").body();

        assertThat(value(after, accepted) - value(before, accepted)).isEqualTo(1.0);
        assertThat(value(after, duplicates) - value(before, duplicates)).isEqualTo(1.0);
        assertThat(value(after, rejected) - value(before, rejected)).isEqualTo(1.0);
        assertThat(value(after, latency) - value(before, latency)).isEqualTo(3.0);
    }

    @Test
    void promtoolAcceptsTheMetricsText() throws IOException, InterruptedException {
        http.events(client("m-3", "m-c3", "gold").encode());
        Http.Answer metrics = http.get("/metrics");
        assertThat(metrics.contentType()).startsWith("text/plain");
        Path file = Files.createTempFile("arbiter-metrics", ".txt");
        Files.writeString(file, metrics.body());

        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectInput(file.toFile())
                .redirectErrorStream(true).start();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as("promtool check metrics said: %s", output).isZero();
    }
}

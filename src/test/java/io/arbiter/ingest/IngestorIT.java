package io.arbiter.ingest;

import io.arbiter.domain.FieldError;
import io.arbiter.domain.IngestResult;
import io.arbiter.grid.GridMember;
import io.arbiter.grid.GridOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Frames ingested together, and usage batches committed together, answer as if taken one after another. */
class IngestorIT {

    private static GridMember member;
    private static Ingestor ingestor;

    @BeforeAll
    static void start() throws Exception {
        member = GridMember.start(new GridOptions(null, null, Duration.ofHours(1)));
        ingestor = new Ingestor(member.store(), new IngestMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
        IngestOutcome setup = ingest(ndjson(
                "{\"id\":\"s-p1\",\"type\":\"platform.registered\",\"platformId\":\"p1\",\"datacentre\":\"d\",\"zone\":\"z\",\"capacity\":{\"cpu\":64,\"memoryGiB\":256}}",
                "{\"id\":\"s-c1\",\"type\":\"client.registered\",\"clientId\":\"c1\",\"name\":\"C\",\"slaTier\":\"gold\"}",
                "{\"id\":\"s-i1\",\"type\":\"instance.started\",\"instanceId\":\"i1\",\"clientId\":\"c1\",\"platformId\":\"p1\",\"kind\":\"interruptible\",\"resources\":{\"cpu\":1,\"memoryGiB\":1}}"));
        assertThat(setup).isEqualTo(accepted(3, 0));
    }

    @AfterAll
    static void stop() {
        member.close();
    }

    @Test
    void framesTakenTogetherAreEachAcceptedOrRefusedOnTheirOwn() throws Exception {
        List<IngestOutcome> outcomes = ingestor.ingestEach(List.of(
                decoded(usage("g1-a", "i1"), usage("g1-b", "i1")),
                decoded(usage("g1-c", "i1"), usage("g1-d", "nowhere")),
                decoded(usage("g1-b", "i1"), usage("g1-e", "i1")),
                decoded("{\"id\":\"g1-f\",\"type\":\"usage\"}"))).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(outcomes.get(0)).isEqualTo(accepted(2, 0));
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(IngestOutcome.Rejected.class, r -> assertThat(r.errors())
                .extracting(FieldError::index, FieldError::field).containsExactly(org.assertj.core.groups.Tuple.tuple(1, "instanceId")));
        assertThat(outcomes.get(2)).isEqualTo(accepted(1, 1));
        assertThat(outcomes.get(3)).isInstanceOf(IngestOutcome.Rejected.class);
        assertThat(ingest(frame(usage("g1-c", "i1")))).as("the refused frame's events were not applied")
                .isEqualTo(accepted(1, 0));
    }

    @Test
    void aFrameMayNameOnlyWhatEarlierFramesRegistered() throws Exception {
        String start = "{\"id\":\"g2-start\",\"type\":\"instance.started\",\"instanceId\":\"i2\",\"clientId\":\"c1\","
                + "\"platformId\":\"p1\",\"kind\":\"interruptible\",\"resources\":{\"cpu\":1,\"memoryGiB\":1}}";
        List<IngestOutcome> outcomes = ingestor.ingestEach(List.of(
                decoded(usage("g2-early", "i2")), decoded(start), decoded(usage("g2-late", "i2"))))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(outcomes.get(0)).isInstanceOf(IngestOutcome.Rejected.class);
        assertThat(outcomes.get(1)).isEqualTo(accepted(1, 0));
        assertThat(outcomes.get(2)).isEqualTo(accepted(1, 0));
    }

    @Test
    void concurrentUsageBatchesApplyEachEventIdOnce() throws Exception {
        List<CompletableFuture<IngestOutcome>> batches = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            int from = b * 50;
            String[] lines = IntStream.range(from, from + 100).mapToObj(i -> usage("g3-" + i, "i1")).toArray(String[]::new);
            batches.add(ingestor.ingest(ndjson(lines)).toCompletableFuture());
        }
        long accepted = 0;
        for (CompletableFuture<IngestOutcome> batch : batches) {
            IngestResult result = ((IngestOutcome.Accepted) batch.get(30, TimeUnit.SECONDS)).result();
            assertThat(result.accepted() + result.duplicates()).isEqualTo(100);
            accepted += result.accepted();
        }
        assertThat(accepted).as("ids 0..1049, each accepted once").isEqualTo(1050);
    }

    @Test
    void usageIdsAreDuplicatesInsideABatchAcrossBatchesAndAcrossInstancesOfOneBatch() throws Exception {
        String start = "{\"id\":\"g4-start\",\"type\":\"instance.started\",\"instanceId\":\"i4\",\"clientId\":\"c1\","
                + "\"platformId\":\"p1\",\"kind\":\"interruptible\",\"resources\":{\"cpu\":1,\"memoryGiB\":1}}";
        assertThat(ingest(ndjson(start, usage("g4-a", "i4"), usage("g4-a", "i4"), usage("g4-b", "i4"))))
                .as("a repeat inside one batch, with an instance started in it").isEqualTo(accepted(3, 1));
        assertThat(ingest(ndjson(usage("g4-b", "i4"), usage("g4-c", "i4"), usage("g4-a", "i4"))))
                .as("re-sent in a later batch").isEqualTo(accepted(1, 2));
        assertThat(ingest(ndjson(usage("g4-d", "i1"), usage("g4-d", "i4"))))
                .as("one id for two instances in one batch: the second is a duplicate").isEqualTo(accepted(1, 1));
        assertThat(ingest(ndjson(start, usage("g4-c", "i4"))))
                .as("a usage re-send beside a re-sent start").isEqualTo(accepted(0, 2));
        var instance = member.store().instance("i4").toCompletableFuture().get(30, TimeUnit.SECONDS).orElseThrow();
        assertThat(member.store().usage(instance).toCompletableFuture().get(30, TimeUnit.SECONDS).orElseThrow().samples())
                .as("samples g4-a, g4-b and g4-c, each once (g4-d went to i1)").isEqualTo(3);
    }

    private static IngestOutcome ingest(List<ParsedEvent> parsed) throws Exception {
        return ingestor.ingest(parsed).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static IngestOutcome accepted(int accepted, int duplicates) {
        return new IngestOutcome.Accepted(new IngestResult(accepted, duplicates));
    }

    private static String usage(String id, String instanceId) {
        return "{\"id\":\"" + id + "\",\"type\":\"usage\",\"instanceId\":\"" + instanceId
                + "\",\"cpu\":0.5,\"memoryGiB\":1,\"networkMbps\":2}";
    }

    private static Ingestor.Batch decoded(String... events) throws MalformedBodyException {
        return ingestor.decode(frame(events));
    }

    private static List<ParsedEvent> frame(String... events) throws MalformedBodyException {
        return BodyParser.events(("[" + String.join(",", events) + "]").getBytes(StandardCharsets.UTF_8), false);
    }

    private static List<ParsedEvent> ndjson(String... lines) throws MalformedBodyException {
        return BodyParser.events(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), true);
    }
}

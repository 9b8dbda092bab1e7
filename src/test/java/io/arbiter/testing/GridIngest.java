package io.arbiter.testing;

import io.arbiter.grid.GridMember;
import io.arbiter.ingest.BodyParser;
import io.arbiter.ingest.IngestMetrics;
import io.arbiter.ingest.IngestOutcome;
import io.arbiter.ingest.Ingestor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Events straight into a grid member, through the real ingestion path but without HTTP. */
public final class GridIngest {

    private final Ingestor ingestor;

    /** Ingests into {@code member} on the system clock. */
    public GridIngest(GridMember member) {
        this.ingestor = new Ingestor(member.store(), new IngestMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
    }

    /** Ingests {@code events} as one JSON array and asserts that they were accepted. */
    public void accepted(JsonObject... events) throws Exception {
        byte[] body = new JsonArray(List.of((Object[]) events)).encode().getBytes(StandardCharsets.UTF_8);
        IngestOutcome outcome = ingestor.ingest(BodyParser.events(body, false)).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(IngestOutcome.Accepted.class);
    }
}

package io.arbiter.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.domain.Event;
import io.arbiter.domain.EventType;
import io.arbiter.domain.FieldError;
import io.arbiter.domain.IngestResult;
import io.arbiter.domain.WireName;
import io.arbiter.grid.GridStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Takes a batch of parsed events whole or not at all: decodes and validates every event, checks
 * that what they name exists, and only then has the grid apply them, once per event id.
 */
public final class Ingestor {

    private final GridStore grid;
    private final References references;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final List<Consumer<List<Event>>> listeners = new CopyOnWriteArrayList<>();

    public Ingestor(GridStore grid, IngestMetrics metrics, Clock clock) {
        this.grid = grid;
        this.references = new References(grid);
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Validates and stores the events of one request or frame. */
    public CompletionStage<IngestOutcome> ingest(List<JsonNode> nodes) {
        List<FieldError> errors = new ArrayList<>();
        List<Event> events = new ArrayList<>(nodes.size());
        var receivedAt = clock.instant();
        for (int i = 0; i < nodes.size(); i++) {
            events.add(EventDecoder.decode(nodes.get(i), i, receivedAt, errors));
        }
        if (!errors.isEmpty()) {
            return CompletableFuture.completedFuture(reject(nodes, errors));
        }
        return references.resolve(events).thenCompose(resolution -> {
            if (!resolution.errors().isEmpty()) {
                return CompletableFuture.completedFuture(reject(nodes, resolution.errors()));
            }
            return grid.apply(events, resolution.locationOf()).thenApply(applied -> accept(events, applied));
        });
    }

    /** Calls {@code listener} with the events of every batch applied from now on (duplicates left out). */
    public void onApplied(Consumer<List<Event>> listener) {
        listeners.add(listener);
    }

    /** Records that a body could not even be parsed. */
    public void malformed() {
        metrics.rejected(null);
    }

    private IngestOutcome accept(List<Event> events, List<Event> applied) {
        Set<Event> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
        fresh.addAll(applied);
        for (Event e : events) {
            if (fresh.contains(e)) {
                metrics.accepted(e.type());
            } else {
                metrics.duplicate(e.type());
            }
        }
        if (!applied.isEmpty()) {
            listeners.forEach(l -> l.accept(applied));
        }
        return new IngestOutcome.Accepted(new IngestResult(applied.size(), events.size() - applied.size()));
    }

    private IngestOutcome reject(List<JsonNode> nodes, List<FieldError> errors) {
        for (JsonNode node : nodes) {
            JsonNode type = node == null ? null : node.get("type");
            metrics.rejected(type != null && type.isTextual()
                    ? WireName.parse(EventType.class, type.textValue()).orElse(null) : null);
        }
        return new IngestOutcome.Rejected(errors);
    }
}

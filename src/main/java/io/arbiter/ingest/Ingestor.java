package io.arbiter.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.domain.Event;
import io.arbiter.domain.EventType;
import io.arbiter.domain.FieldError;
import io.arbiter.domain.IngestResult;
import io.arbiter.domain.UsageSample;
import io.arbiter.domain.WireName;
import io.arbiter.grid.GridStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

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
    private volatile Function<List<Event>, CompletionStage<?>> hold = events -> CompletableFuture.completedFuture(null);

    public Ingestor(GridStore grid, IngestMetrics metrics, Clock clock) {
        this.grid = grid;
        this.references = new References(grid);
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Validates and stores the events of one request or frame. */
    public CompletionStage<IngestOutcome> ingest(List<ParsedEvent> parsed) {
        return ingest(decode(parsed, clock.instant()));
    }

    /** Validates and stores one event given as a JSON tree: one Arbiter records itself, such as an instance it stopped. */
    public CompletionStage<IngestOutcome> ingest(JsonNode event) {
        return ingest(List.of(new ParsedEvent.Tree(event)));
    }

    private CompletionStage<IngestOutcome> ingest(Batch batch) {
        if (!batch.errors().isEmpty()) {
            return CompletableFuture.completedFuture(reject(batch.parsed(), batch.errors()));
        }
        List<Event> events = batch.events();
        return references.resolve(events).thenCompose(resolution -> {
            if (!resolution.errors().isEmpty()) {
                return CompletableFuture.completedFuture(reject(batch.parsed(), resolution.errors()));
            }
            return grid.apply(events, resolution.locationOf()).thenCompose(applied -> held(events, applied))
                    .thenApply(applied -> accept(events, applied, 0));
        });
    }

    /** Calls {@code listener} with the events of every batch applied from now on (duplicates left out). */
    public void onApplied(Consumer<List<Event>> listener) {
        listeners.add(listener);
    }

    /**
     * Has each acknowledgement wait until {@code hold}, given the events just applied, completes
     * (for instance until the decisions their contentions led to are in the durable store); when
     * it fails, so does the acknowledgement.
     */
    public void holdAcknowledgements(Function<List<Event>, CompletionStage<?>> hold) {
        this.hold = hold;
    }

    /** {@code applied}, once the acknowledgement of the events it marks as applied may be given. */
    private CompletionStage<boolean[]> held(List<Event> events, boolean[] applied) {
        List<Event> fresh = new ArrayList<>();
        for (int i = 0; i < applied.length; i++) {
            if (applied[i]) {
                fresh.add(events.get(i));
            }
        }
        return fresh.isEmpty() ? CompletableFuture.completedFuture(applied)
                : hold.apply(fresh).thenApply(done -> applied);
    }

    /**
     * Validates and stores several frames that arrived one after another, answering each as if it
     * had been ingested after the one before: each is taken whole or not at all. Frames of events
     * that name only what exists already go to the grid together, in one pass; frames that
     * register platforms, clients or instances (which a later frame may name) go one at a time.
     */
    public CompletionStage<List<IngestOutcome>> ingestEach(List<Batch> batches) {
        if (batches.size() == 1 || batches.stream().anyMatch(Batch::registers)) {
            return oneAfterAnother(batches, 0, new ArrayList<>(batches.size()));
        }
        List<Event> all = new ArrayList<>();
        batches.forEach(b -> all.addAll(b.events()));
        return references.resolve(all).thenCompose(resolution -> {
            List<List<FieldError>> errors = byBatch(batches, resolution.errors());
            List<Event> valid = new ArrayList<>(all.size());
            for (int i = 0; i < batches.size(); i++) {
                if (errors.get(i).isEmpty()) {
                    valid.addAll(batches.get(i).events());
                }
            }
            return grid.apply(valid, resolution.locationOf()).thenCompose(applied -> held(valid, applied))
                    .thenApply(applied -> {
                        List<IngestOutcome> outcomes = new ArrayList<>(batches.size());
                        int from = 0;
                        for (int i = 0; i < batches.size(); i++) {
                            if (errors.get(i).isEmpty()) {
                                outcomes.add(accept(batches.get(i).events(), applied, from));
                                from += batches.get(i).events().size();
                            } else {
                                outcomes.add(reject(batches.get(i).parsed(), errors.get(i)));
                            }
                        }
                        return outcomes;
                    });
        });
    }

    private CompletionStage<List<IngestOutcome>> oneAfterAnother(List<Batch> batches, int next,
                                                                 List<IngestOutcome> done) {
        if (next == batches.size()) {
            return CompletableFuture.completedFuture(done);
        }
        return ingest(batches.get(next)).thenCompose(outcome -> {
            done.add(outcome);
            return oneAfterAnother(batches, next + 1, done);
        });
    }

    /** Decoding and reference errors of {@code batches}, each with indexes counted within its own batch. */
    private static List<List<FieldError>> byBatch(List<Batch> batches, List<FieldError> referenceErrors) {
        List<List<FieldError>> errors = new ArrayList<>(batches.size());
        int[] starts = new int[batches.size() + 1];
        for (int i = 0; i < batches.size(); i++) {
            errors.add(new ArrayList<>(batches.get(i).errors()));
            starts[i + 1] = starts[i] + batches.get(i).events().size();
        }
        for (FieldError e : referenceErrors) {
            int batch = 0;
            while (e.index() >= starts[batch + 1]) {
                batch++;
            }
            errors.get(batch).add(new FieldError(e.index() - starts[batch], e.field(), e.message()));
        }
        return errors;
    }

    /** Records that a body could not even be parsed. */
    public void malformed() {
        metrics.rejected(null);
    }

    /**
     * One request's or frame's events, decoded ({@link #decode}) but not yet checked against the
     * grid: {@code events} is empty when there are errors.
     */
    public record Batch(List<ParsedEvent> parsed, List<Event> events, List<FieldError> errors) {

        boolean registers() {
            return events.stream().anyMatch(e -> e instanceof Event.PlatformRegistered
                    || e instanceof Event.ClientRegistered || e instanceof Event.InstanceStarted);
        }
    }

    /**
     * Decodes one request's or frame's events, received now: what {@link #ingestEach} then checks
     * and stores. A frame can be decoded as it arrives, while earlier ones are being stored.
     */
    public Batch decode(List<ParsedEvent> parsed) {
        return decode(parsed, clock.instant());
    }

    private static Batch decode(List<ParsedEvent> parsed, Instant receivedAt) {
        List<FieldError> errors = new ArrayList<>();
        List<Event> events = new ArrayList<>(parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            ParsedEvent p = parsed.get(i);
            if (p instanceof ParsedEvent.Usage u) {
                Instant time = u.time() != null ? u.time() : receivedAt;
                events.add(new Event.UsageReported(u.id(), time,
                        new UsageSample(u.instanceId(), time, u.cpu(), u.memoryGiB(), u.networkMbps())));
            } else {
                events.add(EventDecoder.decode(((ParsedEvent.Tree) p).node(), i, receivedAt, errors));
            }
        }
        return new Batch(parsed, errors.isEmpty() ? events : List.of(), errors);
    }

    /** Accepts {@code events}, which {@code applied} marks from {@code from} on: the others were duplicates. */
    private IngestOutcome accept(List<Event> events, boolean[] applied, int from) {
        List<Event> fresh = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (applied[from + i]) {
                fresh.add(e);
                metrics.accepted(e.type());
            } else {
                metrics.duplicate(e.type());
            }
        }
        if (!fresh.isEmpty()) {
            listeners.forEach(l -> l.accept(fresh));
        }
        return new IngestOutcome.Accepted(new IngestResult(fresh.size(), events.size() - fresh.size()));
    }

    private IngestOutcome reject(List<ParsedEvent> parsed, List<FieldError> errors) {
        for (ParsedEvent p : parsed) {
            metrics.rejected(p instanceof ParsedEvent.Tree tree ? typeOf(tree.node()) : EventType.USAGE);
        }
        return new IngestOutcome.Rejected(errors);
    }

    private static EventType typeOf(JsonNode node) {
        JsonNode type = node == null ? null : node.get("type");
        return type != null && type.isTextual() ? WireName.parse(EventType.class, type.textValue()).orElse(null) : null;
    }
}

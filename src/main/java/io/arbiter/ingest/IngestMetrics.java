package io.arbiter.ingest;

import io.arbiter.domain.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Ingestion's meters: events accepted, duplicated and rejected by type, and the time from a body's
 * arrival to its answer.
 */
public final class IngestMetrics {

    /** Type tag for events whose type could not be read. */
    static final String UNKNOWN_TYPE = "unknown";

    private final Map<EventType, Counter> accepted = new EnumMap<>(EventType.class);
    private final Map<EventType, Counter> duplicates = new EnumMap<>(EventType.class);
    private final Map<EventType, Counter> rejected = new EnumMap<>(EventType.class);
    private final Counter rejectedUnknown;
    private final Timer latency;

    public IngestMetrics(MeterRegistry registry) {
        for (EventType type : EventType.values()) {
            accepted.put(type, counter(registry, "arbiter.events.accepted", "Events stored in the grid", type.wire()));
            duplicates.put(type, counter(registry, "arbiter.events.duplicates",
                    "Events whose id was accepted before, counted and not applied again", type.wire()));
            rejected.put(type, counter(registry, "arbiter.events.rejected",
                    "Events refused, alone or with the rest of their batch", type.wire()));
        }
        rejectedUnknown = counter(registry, "arbiter.events.rejected",
                "Events refused, alone or with the rest of their batch", UNKNOWN_TYPE);
        latency = Timer.builder("arbiter.ingest.latency")
                .description("Time from a request or frame's arrival to its answer")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String name, String description, String type) {
        return Counter.builder(name).description(description).tag("type", type).register(registry);
    }

    void accepted(EventType type) {
        accepted.get(type).increment();
    }

    void duplicate(EventType type) {
        duplicates.get(type).increment();
    }

    void rejected(EventType type) {
        (type == null ? rejectedUnknown : rejected.get(type)).increment();
    }

    /** Records the time one request or frame took, from arrival to answer. */
    public void recordLatency(long nanos) {
        latency.record(Duration.ofNanos(nanos));
    }
}

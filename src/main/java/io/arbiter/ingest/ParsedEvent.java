package io.arbiter.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One event of a request or frame as {@link BodyParser} found it: either a JSON tree, which
 * {@link EventDecoder} decodes and explains, or a usage event read straight from its bytes (the
 * bulk of the traffic), already known to be valid.
 */
public sealed interface ParsedEvent permits ParsedEvent.Tree, ParsedEvent.Usage {

    /** An event as a JSON tree, to be decoded. */
    record Tree(JsonNode node) implements ParsedEvent {
    }

    /**
     * A valid usage event, read without a tree ({@link UsageReader}): every field as
     * {@link EventDecoder} would have read it.
     *
     * @param time when it happened, or null when it did not say (the time it was received, then)
     */
    record Usage(String id, Instant time, String instanceId, double cpu, double memoryGiB, double networkMbps)
            implements ParsedEvent {
    }
}

/**
 * Ingestion: turns request bodies and WebSocket frames into validated domain events and hands a
 * batch to the grid only when every event in it is valid and every id it names is known. A batch
 * is taken whole or not at all.
 *
 * <p>Flow: {@link io.arbiter.ingest.BodyParser} (JSON object, array or NDJSON, with line and column
 * on malformed input; plainly valid usage events, the bulk of the traffic, read straight by
 * {@link io.arbiter.ingest.UsageReader}) → {@link io.arbiter.ingest.EventDecoder} for everything
 * else (field-by-field validation, errors name the event's index, the field and the reason) →
 * {@link io.arbiter.ingest.Ingestor} (references, then the grid's exactly-once apply) →
 * {@link io.arbiter.ingest.IngestMetrics}.
 * May import {@code domain} and {@code grid}; no Vert.x types.
 */
package io.arbiter.ingest;

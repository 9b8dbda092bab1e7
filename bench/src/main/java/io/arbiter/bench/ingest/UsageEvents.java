package io.arbiter.bench.ingest;

import io.vertx.core.buffer.Buffer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Usage events with unique ids ({@code u-1}, {@code u-2}, …, one counter for the whole run, so no
 * event is a duplicate), naming the population's instances round-robin.
 */
final class UsageEvents {

    /** A few measurement values, so that not every event carries the same numbers. */
    private static final String[] VALUES = {
        "\"cpu\":0.5,\"memoryGiB\":1.25,\"networkMbps\":12.5",
        "\"cpu\":1.75,\"memoryGiB\":3.5,\"networkMbps\":140",
        "\"cpu\":0.05,\"memoryGiB\":0.5,\"networkMbps\":0.8",
        "\"cpu\":2,\"memoryGiB\":4,\"networkMbps\":950.25",
    };
    private static final int SIZE_HINT = 150;

    private final Population population;
    private final AtomicLong counter = new AtomicLong();

    UsageEvents(Population population) {
        this.population = population;
    }

    /** {@code n} events, one JSON object per line. */
    Population.Batch ndjson(int n) {
        Buffer body = Buffer.buffer(n * SIZE_HINT);
        long first = counter.getAndAdd(n) + 1;
        for (long id = first; id < first + n; id++) {
            append(body, id).appendByte((byte) '\n');
        }
        return new Population.Batch(body, n);
    }

    /** {@code n} events as one JSON array. */
    Population.Batch array(int n) {
        Buffer body = Buffer.buffer(n * SIZE_HINT + 2).appendByte((byte) '[');
        long first = counter.getAndAdd(n) + 1;
        for (long id = first; id < first + n; id++) {
            if (id > first) {
                body.appendByte((byte) ',');
            }
            append(body, id);
        }
        return new Population.Batch(body.appendByte((byte) ']'), n);
    }

    /** One event as a JSON object. */
    Population.Batch single() {
        return new Population.Batch(append(Buffer.buffer(SIZE_HINT), counter.incrementAndGet()), 1);
    }

    private Buffer append(Buffer to, long id) {
        return to.appendString("{\"id\":\"u-").appendString(Long.toString(id))
                .appendString("\",\"type\":\"usage\",\"time\":\"2026-12-03T10:00:00Z\",\"instanceId\":\"")
                .appendString(population.instanceId(id)).appendString("\",")
                .appendString(VALUES[(int) (id & 3)]).appendByte((byte) '}');
    }
}

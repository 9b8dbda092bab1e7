package io.arbiter.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.arbiter.domain.Resources;

import java.time.Duration;
import java.time.Instant;

/** Field helpers shared by the Compact serializers: instants, durations and resources as plain fields. */
final class CompactFields {

    private CompactFields() {
    }

    static void writeInstant(CompactWriter out, String name, Instant value) {
        out.writeNullableInt64(name + "Seconds", value == null ? null : value.getEpochSecond());
        out.writeInt32(name + "Nanos", value == null ? 0 : value.getNano());
    }

    static Instant readInstant(CompactReader in, String name) {
        Long seconds = in.readNullableInt64(name + "Seconds");
        return seconds == null ? null : Instant.ofEpochSecond(seconds, in.readInt32(name + "Nanos"));
    }

    static void writeDuration(CompactWriter out, String name, Duration value) {
        out.writeInt64(name + "Millis", value.toMillis());
    }

    static Duration readDuration(CompactReader in, String name) {
        return Duration.ofMillis(in.readInt64(name + "Millis"));
    }

    static void writeResources(CompactWriter out, String name, Resources value) {
        out.writeFloat64(name + "Cpu", value.cpu());
        out.writeFloat64(name + "MemoryGiB", value.memoryGiB());
    }

    static Resources readResources(CompactReader in, String name) {
        return new Resources(in.readFloat64(name + "Cpu"), in.readFloat64(name + "MemoryGiB"));
    }
}

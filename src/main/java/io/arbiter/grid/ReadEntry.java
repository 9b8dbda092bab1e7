package io.arbiter.grid;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

import java.util.Map;

/** Reads many entries in one asynchronous call, one operation per partition, without a backup. */
final class ReadEntry<K, V> implements EntryProcessor<K, V, V>, ReadOnly {

    @Override
    public V process(Map.Entry<K, V> entry) {
        return entry.getValue();
    }

    @Override
    public EntryProcessor<K, V, V> getBackupProcessor() {
        return null;
    }

    /** Compact form: no fields. */
    @SuppressWarnings("rawtypes")
    static final class Serializer implements CompactSerializer<ReadEntry> {
        @Override
        public ReadEntry read(CompactReader in) {
            return new ReadEntry<>();
        }

        @Override
        public void write(CompactWriter out, ReadEntry r) {
            // no state
        }

        @Override
        public String getTypeName() {
            return "arbiter.ReadEntry";
        }

        @Override
        public Class<ReadEntry> getCompactClass() {
            return ReadEntry.class;
        }
    }
}

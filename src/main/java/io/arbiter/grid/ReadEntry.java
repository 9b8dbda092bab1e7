package io.arbiter.grid;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/** Reads many entries in one asynchronous call, one operation per partition, without a backup. */
final class ReadEntry<K, V> implements EntryProcessor<K, V, V>, ReadOnly {

    /** The Compact form: no fields. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final StatelessSerializer<ReadEntry> SERIALIZER =
            new StatelessSerializer<>(ReadEntry.class, "arbiter.ReadEntry", ReadEntry::new);

    @Override
    public V process(Map.Entry<K, V> entry) {
        return entry.getValue();
    }

    @Override
    public EntryProcessor<K, V, V> getBackupProcessor() {
        return null;
    }
}

package io.arbiter.grid;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

import java.util.Map;

/**
 * Reads, where a platform's {@link InstanceChangeLog} lives, its revision and the changes after a
 * given revision (only they travel, not the log), without a backup.
 */
final class ReadInstanceChanges implements EntryProcessor<String, InstanceChangeLog, InstanceChangeLog.Changes>,
        ReadOnly {

    private final long since;

    /** @param since the revision after which changes are wanted; {@link Long#MAX_VALUE} for the revision alone */
    ReadInstanceChanges(long since) {
        this.since = since;
    }

    @Override
    public InstanceChangeLog.Changes process(Map.Entry<String, InstanceChangeLog> entry) {
        InstanceChangeLog log = entry.getValue() == null ? new InstanceChangeLog() : entry.getValue();
        return log.since(since);
    }

    @Override
    public EntryProcessor<String, InstanceChangeLog, InstanceChangeLog.Changes> getBackupProcessor() {
        return null;
    }

    /** Compact form: the revision after which changes are wanted. */
    static final class Serializer implements CompactSerializer<ReadInstanceChanges> {
        @Override
        public ReadInstanceChanges read(CompactReader in) {
            return new ReadInstanceChanges(in.readInt64("since"));
        }

        @Override
        public void write(CompactWriter out, ReadInstanceChanges read) {
            out.writeInt64("since", read.since);
        }

        @Override
        public String getTypeName() {
            return "arbiter.ReadInstanceChanges";
        }

        @Override
        public Class<ReadInstanceChanges> getCompactClass() {
            return ReadInstanceChanges.class;
        }
    }
}

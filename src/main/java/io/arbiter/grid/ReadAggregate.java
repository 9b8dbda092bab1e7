package io.arbiter.grid;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.arbiter.domain.UsageAggregate;

import java.util.Map;

/**
 * Reads instances' usage aggregates where they live, without the event ids each entry remembers
 * ({@link InstanceUsage}): only the aggregates travel, one operation per partition, no backup.
 */
final class ReadAggregate implements EntryProcessor<InstanceKey, InstanceUsage, UsageAggregate>, ReadOnly {

    @Override
    public UsageAggregate process(Map.Entry<InstanceKey, InstanceUsage> entry) {
        return entry.getValue() == null ? null : entry.getValue().aggregate();
    }

    @Override
    public EntryProcessor<InstanceKey, InstanceUsage, UsageAggregate> getBackupProcessor() {
        return null;
    }

    /** Compact form: no fields. */
    static final class Serializer implements CompactSerializer<ReadAggregate> {
        @Override
        public ReadAggregate read(CompactReader in) {
            return new ReadAggregate();
        }

        @Override
        public void write(CompactWriter out, ReadAggregate r) {
            // no state
        }

        @Override
        public String getTypeName() {
            return "arbiter.ReadAggregate";
        }

        @Override
        public Class<ReadAggregate> getCompactClass() {
            return ReadAggregate.class;
        }
    }
}

package io.arbiter.grid;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import io.arbiter.domain.UsageAggregate;

import java.util.Map;

/**
 * Reads instances' usage aggregates where they live, without the event ids each entry remembers
 * ({@link InstanceUsage}): only the aggregates travel, one operation per partition, no backup.
 */
final class ReadAggregate implements EntryProcessor<InstanceKey, InstanceUsage, UsageAggregate>, ReadOnly {

    /** The Compact form: no fields. */
    static final StatelessSerializer<ReadAggregate> SERIALIZER =
            new StatelessSerializer<>(ReadAggregate.class, "arbiter.ReadAggregate", ReadAggregate::new);

    @Override
    public UsageAggregate process(Map.Entry<InstanceKey, InstanceUsage> entry) {
        if (entry.getValue() != null) {
            return entry.getValue().aggregate();
        }
        return null;
    }

    @Override
    public EntryProcessor<InstanceKey, InstanceUsage, UsageAggregate> getBackupProcessor() {
        return null;
    }
}

package io.arbiter.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

import java.util.Map;

/**
 * Counts a change to one of a platform's instances in the platform's {@link InstanceChangeLog},
 * where the log lives, and answers the new revision. It runs on the backups too, which come to the
 * same log.
 */
final class RecordInstanceChange implements EntryProcessor<String, InstanceChangeLog, Long> {

    private final String instanceId;
    private final String formerClient;

    /** @param formerClient the client the instance id belonged to before this change, when that changed; else null */
    RecordInstanceChange(String instanceId, String formerClient) {
        this.instanceId = instanceId;
        this.formerClient = formerClient;
    }

    @Override
    public Long process(Map.Entry<String, InstanceChangeLog> entry) {
        InstanceChangeLog log = entry.getValue() == null ? new InstanceChangeLog() : entry.getValue();
        long revision = log.record(instanceId, formerClient);
        entry.setValue(log);
        return revision;
    }

    /** Compact form: the instance and its former client. */
    static final class Serializer implements CompactSerializer<RecordInstanceChange> {
        @Override
        public RecordInstanceChange read(CompactReader in) {
            return new RecordInstanceChange(in.readString("instanceId"), in.readString("formerClient"));
        }

        @Override
        public void write(CompactWriter out, RecordInstanceChange change) {
            out.writeString("instanceId", change.instanceId);
            out.writeString("formerClient", change.formerClient);
        }

        @Override
        public String getTypeName() {
            return "arbiter.RecordInstanceChange";
        }

        @Override
        public Class<RecordInstanceChange> getCompactClass() {
            return RecordInstanceChange.class;
        }
    }
}

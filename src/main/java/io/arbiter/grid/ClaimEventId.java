package io.arbiter.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Claims an event id for the request that is applying it: an absent id becomes {@link #PENDING}
 * for a short time and the processor answers true; an id already claimed or accepted answers false
 * (a duplicate). Once the event is applied the claim becomes {@link #ACCEPTED} for the
 * de-duplication window; a pending claim whose request died simply expires, so a re-send is applied.
 */
final class ClaimEventId implements EntryProcessor<String, Byte, Boolean> {

    /** The id is being applied by some request. */
    static final Byte PENDING = 0;
    /** The event was applied. */
    static final Byte ACCEPTED = 1;

    private final long pendingMillis;

    ClaimEventId(long pendingMillis) {
        this.pendingMillis = pendingMillis;
    }

    @Override
    public Boolean process(Map.Entry<String, Byte> entry) {
        if (entry.getValue() != null) {
            return Boolean.FALSE;
        }
        ((ExtendedMapEntry<String, Byte>) entry).setValue(PENDING, pendingMillis, TimeUnit.MILLISECONDS);
        return Boolean.TRUE;
    }

    /** Compact form: the pending time only. */
    static final class Serializer implements CompactSerializer<ClaimEventId> {
        @Override
        public ClaimEventId read(CompactReader in) {
            return new ClaimEventId(in.readInt64("pendingMillis"));
        }

        @Override
        public void write(CompactWriter out, ClaimEventId c) {
            out.writeInt64("pendingMillis", c.pendingMillis);
        }

        @Override
        public String getTypeName() {
            return "arbiter.ClaimEventId";
        }

        @Override
        public Class<ClaimEventId> getCompactClass() {
            return ClaimEventId.class;
        }
    }
}

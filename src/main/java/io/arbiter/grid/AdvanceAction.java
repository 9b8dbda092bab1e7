package io.arbiter.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;

import java.time.Instant;
import java.util.Map;

/** Moves an action to its next state where it lives, atomically; a final state is never left. */
final class AdvanceAction implements EntryProcessor<String, ActionRecord, ActionRecord> {

    private final ActionStatus status;
    private final Instant at;
    private final String note;

    AdvanceAction(ActionStatus status, Instant at, String note) {
        this.status = status;
        this.at = at;
        this.note = note;
    }

    @Override
    public ActionRecord process(Map.Entry<String, ActionRecord> entry) {
        ActionRecord current = entry.getValue();
        if (current == null) {
            return null;
        }
        ActionRecord next = current.advanced(status, at, note);
        if (next != current) {
            entry.setValue(next);
        }
        return next;
    }

    /** Compact form: the new state, when, and why. */
    static final class Serializer implements CompactSerializer<AdvanceAction> {
        @Override
        public AdvanceAction read(CompactReader in) {
            return new AdvanceAction(ActionStatus.valueOf(in.readString("status")),
                    CompactFields.readInstant(in, "at"), in.readString("note"));
        }

        @Override
        public void write(CompactWriter out, AdvanceAction a) {
            out.writeString("status", a.status.name());
            CompactFields.writeInstant(out, "at", a.at);
            out.writeString("note", a.note);
        }

        @Override
        public String getTypeName() {
            return "arbiter.AdvanceAction";
        }

        @Override
        public Class<AdvanceAction> getCompactClass() {
            return AdvanceAction.class;
        }
    }
}

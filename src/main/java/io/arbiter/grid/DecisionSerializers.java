package io.arbiter.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Decision;
import io.arbiter.domain.SlaTier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.arbiter.grid.CompactFields.readInstant;
import static io.arbiter.grid.CompactFields.readResources;
import static io.arbiter.grid.CompactFields.writeInstant;
import static io.arbiter.grid.CompactFields.writeResources;

/** Compact serializers for decisions, their actions and client scores; lists are stored as parallel arrays. */
final class DecisionSerializers {

    private DecisionSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new ActionSerializer(), new DecisionSerializer(), new AdvanceAction.Serializer(),
                new ScoreSerializer(), new NoticeSerializer(), new StandingSerializer());
    }

    static final class ActionSerializer implements CompactSerializer<ActionRecord> {
        @Override
        public ActionRecord read(CompactReader in) {
            String[] statuses = in.readArrayOfString("stepStatus");
            long[] seconds = in.readArrayOfInt64("stepSeconds");
            int[] nanos = in.readArrayOfInt32("stepNanos");
            String[] notes = in.readArrayOfString("stepNote");
            List<ActionRecord.Step> steps = new ArrayList<>(statuses.length);
            for (int i = 0; i < statuses.length; i++) {
                steps.add(new ActionRecord.Step(ActionStatus.valueOf(statuses[i]),
                        Instant.ofEpochSecond(seconds[i], nanos[i]), notes[i]));
            }
            return new ActionRecord(in.readString("actionId"), in.readString("decisionId"),
                    ActionType.valueOf(in.readString("type")), in.readString("platformId"),
                    in.readString("instanceId"), in.readString("clientId"), in.readFloat64("cvs"),
                    in.readString("reason"), in.readString("target"), slaTier(in),
                    ActionStatus.valueOf(in.readString("status")), steps);
        }

        /** The tier kept with the action; absent from actions written before it was kept. */
        private static SlaTier slaTier(CompactReader in) {
            if (in.getFieldKind("slaTier") == FieldKind.NOT_AVAILABLE) {
                return null;
            }
            String tier = in.readString("slaTier");
            return tier == null ? null : SlaTier.valueOf(tier);
        }

        @Override
        public void write(CompactWriter out, ActionRecord a) {
            out.writeString("actionId", a.actionId());
            out.writeString("decisionId", a.decisionId());
            out.writeString("type", a.type().name());
            out.writeString("platformId", a.platformId());
            out.writeString("instanceId", a.instanceId());
            out.writeString("clientId", a.clientId());
            out.writeFloat64("cvs", a.cvs());
            out.writeString("reason", a.reason());
            out.writeString("target", a.target());
            out.writeString("slaTier", a.slaTier() == null ? null : a.slaTier().name());
            out.writeString("status", a.status().name());
            List<ActionRecord.Step> steps = a.history();
            out.writeArrayOfString("stepStatus", steps.stream().map(s -> s.status().name()).toArray(String[]::new));
            out.writeArrayOfInt64("stepSeconds", steps.stream().mapToLong(s -> s.at().getEpochSecond()).toArray());
            out.writeArrayOfInt32("stepNanos", steps.stream().mapToInt(s -> s.at().getNano()).toArray());
            out.writeArrayOfString("stepNote", steps.stream().map(ActionRecord.Step::note).toArray(String[]::new));
            out.writeInt64("decidedAtSeconds", steps.isEmpty() ? 0 : steps.get(0).at().getEpochSecond());
        }

        @Override
        public String getTypeName() {
            return "arbiter.Action";
        }

        @Override
        public Class<ActionRecord> getCompactClass() {
            return ActionRecord.class;
        }
    }

    static final class DecisionSerializer implements CompactSerializer<Decision> {
        @Override
        public Decision read(CompactReader in) {
            String[] reasons = in.readArrayOfString("excludedReason");
            int[] counts = in.readArrayOfInt32("excludedCount");
            Map<String, Integer> excluded = new LinkedHashMap<>();
            for (int i = 0; i < reasons.length; i++) {
                excluded.put(reasons[i], counts[i]);
            }
            ActionRecord[] actions = in.readArrayOfCompact("actions", ActionRecord.class);
            return new Decision(in.readString("decisionId"), in.readString("platformId"), in.readString("trigger"),
                    in.readBoolean("selfRaised"), in.readCompact("contention"), in.readString("ruleRevision"),
                    in.readString("policyVersion"), readInstant(in, "decidedAt"), Arrays.asList(actions),
                    readResources(in, "wanted"), readResources(in, "shortfall"), excluded,
                    Arrays.asList(in.readArrayOfString("rulesFired")), in.readString("explanation"));
        }

        @Override
        public void write(CompactWriter out, Decision d) {
            out.writeString("decisionId", d.decisionId());
            out.writeString("platformId", d.platformId());
            out.writeString("trigger", d.trigger());
            out.writeBoolean("selfRaised", d.selfRaised());
            out.writeCompact("contention", d.contention());
            out.writeString("ruleRevision", d.ruleRevision());
            out.writeString("policyVersion", d.policyVersion());
            writeInstant(out, "decidedAt", d.decidedAt());
            out.writeInt64("decidedAtMillis", d.decidedAt().toEpochMilli());
            out.writeArrayOfCompact("actions", d.actions().toArray(ActionRecord[]::new));
            writeResources(out, "wanted", d.wanted());
            writeResources(out, "shortfall", d.shortfall());
            out.writeArrayOfString("excludedReason", d.excluded().keySet().toArray(String[]::new));
            out.writeArrayOfInt32("excludedCount", d.excluded().values().stream().mapToInt(Integer::intValue).toArray());
            out.writeArrayOfString("rulesFired", d.rulesFired().toArray(String[]::new));
            out.writeString("explanation", d.explanation());
        }

        @Override
        public String getTypeName() {
            return "arbiter.Decision";
        }

        @Override
        public Class<Decision> getCompactClass() {
            return Decision.class;
        }
    }
}

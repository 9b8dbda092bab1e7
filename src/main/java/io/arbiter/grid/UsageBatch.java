package io.arbiter.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.arbiter.domain.Event;
import io.arbiter.domain.UsageAggregate;
import io.arbiter.domain.UsageSample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a batch of usage samples into the instances' aggregates, in one operation per partition:
 * the ingestion path groups a request's samples by partition and sends each group as one of these.
 * Each sample's event id is checked against the ids its instance remembers ({@link InstanceUsage})
 * in the same step: a sample whose id is remembered is a duplicate and is not folded in; the others
 * are folded in and their ids remembered, as accepted at the batch's time, and ids accepted before
 * the de-duplication window are forgotten. Answers,
 * per instance, the positions (in the caller's list, as given) of its duplicates, or null when
 * there are none. It runs on the primary and, as its own backup processor, on the backup replicas,
 * which come to the same answer from the same state.
 */
final class UsageBatch implements EntryProcessor<InstanceKey, InstanceUsage, int[]> {

    private final String[] instanceIds;
    private final long[] eventIds;
    private final int[] positions;
    /** When the batch is accepted, and before when ids are forgotten (epoch milliseconds). */
    private final long acceptedAt;
    private final long forgetBefore;
    private final long[] seconds;
    private final int[] nanos;
    private final double[] cpu;
    private final double[] memoryGiB;
    private final double[] networkMbps;
    private transient Map<String, List<Integer>> byInstance;

    /**
     * @param events usage events, in the order they are applied
     * @param positions which of {@code events} this batch holds (their positions in it)
     * @param acceptedAt when the batch is accepted
     * @param window how long an accepted id is remembered
     */
    UsageBatch(List<Event.UsageReported> events, int[] positions, Instant acceptedAt, Duration window) {
        int n = positions.length;
        this.positions = positions;
        this.acceptedAt = acceptedAt.toEpochMilli();
        this.forgetBefore = acceptedAt.minus(window).toEpochMilli();
        eventIds = new long[n];
        instanceIds = new String[n];
        seconds = new long[n];
        nanos = new int[n];
        cpu = new double[n];
        memoryGiB = new double[n];
        networkMbps = new double[n];
        for (int i = 0; i < n; i++) {
            Event.UsageReported event = events.get(positions[i]);
            UsageSample s = event.sample();
            eventIds[i] = InstanceUsage.hash(event.id());
            instanceIds[i] = s.instanceId();
            seconds[i] = s.time().getEpochSecond();
            nanos[i] = s.time().getNano();
            cpu[i] = s.cpu();
            memoryGiB[i] = s.memoryGiB();
            networkMbps[i] = s.networkMbps();
        }
    }

    private UsageBatch(String[] instanceIds, long[] eventIds, int[] positions, long acceptedAt, long forgetBefore,
                       long[] seconds, int[] nanos, double[] cpu, double[] memoryGiB, double[] networkMbps) {
        this.instanceIds = instanceIds;
        this.eventIds = eventIds;
        this.positions = positions;
        this.acceptedAt = acceptedAt;
        this.forgetBefore = forgetBefore;
        this.seconds = seconds;
        this.nanos = nanos;
        this.cpu = cpu;
        this.memoryGiB = memoryGiB;
        this.networkMbps = networkMbps;
    }

    @Override
    public int[] process(Map.Entry<InstanceKey, InstanceUsage> entry) {
        List<Integer> mine = samplesByInstance().get(entry.getKey().instanceId());
        if (mine == null) {
            return null;
        }
        InstanceUsage usage = entry.getValue() == null ? new InstanceUsage() : entry.getValue();
        usage.forgetBefore(forgetBefore);
        int[] duplicates = null;
        int found = 0;
        for (int i : mine) {
            if (usage.knows(eventIds[i])) {
                if (duplicates == null) {
                    duplicates = new int[mine.size()];
                }
                duplicates[found++] = i;
            }
        }
        UsageAggregate aggregate = usage.aggregate();
        int next = 0;
        for (int i : mine) {
            if (next < found && duplicates[next] == i) {
                duplicates[next++] = positions[i];
            } else {
                usage.remember(eventIds[i], acceptedAt);
                aggregate = aggregate.plus(new UsageSample(instanceIds[i], Instant.ofEpochSecond(seconds[i], nanos[i]),
                        cpu[i], memoryGiB[i], networkMbps[i]));
            }
        }
        usage.aggregate(aggregate);
        entry.setValue(usage);
        return duplicates == null ? null : Arrays.copyOf(duplicates, found);
    }

    /** The indexes of this batch's samples, by instance, each instance's in the batch's order. */
    private Map<String, List<Integer>> samplesByInstance() {
        if (byInstance == null) {
            Map<String, List<Integer>> map = new HashMap<>();
            for (int i = 0; i < instanceIds.length; i++) {
                map.computeIfAbsent(instanceIds[i], id -> new ArrayList<>(2)).add(i);
            }
            byInstance = map;
        }
        return byInstance;
    }

    /** Compact form of a batch: parallel arrays, one per field. */
    static final class Serializer implements CompactSerializer<UsageBatch> {
        @Override
        public UsageBatch read(CompactReader in) {
            return new UsageBatch(in.readArrayOfString("instanceIds"), in.readArrayOfInt64("eventIds"),
                    in.readArrayOfInt32("positions"), in.readInt64("acceptedAt"), in.readInt64("forgetBefore"),
                    in.readArrayOfInt64("seconds"),
                    in.readArrayOfInt32("nanos"), in.readArrayOfFloat64("cpu"), in.readArrayOfFloat64("memoryGiB"),
                    in.readArrayOfFloat64("networkMbps"));
        }

        @Override
        public void write(CompactWriter out, UsageBatch b) {
            out.writeArrayOfString("instanceIds", b.instanceIds);
            out.writeArrayOfInt64("eventIds", b.eventIds);
            out.writeArrayOfInt32("positions", b.positions);
            out.writeInt64("acceptedAt", b.acceptedAt);
            out.writeInt64("forgetBefore", b.forgetBefore);
            out.writeArrayOfInt64("seconds", b.seconds);
            out.writeArrayOfInt32("nanos", b.nanos);
            out.writeArrayOfFloat64("cpu", b.cpu);
            out.writeArrayOfFloat64("memoryGiB", b.memoryGiB);
            out.writeArrayOfFloat64("networkMbps", b.networkMbps);
        }

        @Override
        public String getTypeName() {
            return "arbiter.UsageBatch";
        }

        @Override
        public Class<UsageBatch> getCompactClass() {
            return UsageBatch.class;
        }
    }
}

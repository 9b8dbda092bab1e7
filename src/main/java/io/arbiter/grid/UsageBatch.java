package io.arbiter.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.arbiter.domain.UsageAggregate;
import io.arbiter.domain.UsageSample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a batch of usage samples into the instances' aggregates, in one operation per partition:
 * the ingestion path groups a request's samples by partition and sends each group as one of these.
 * It runs on the primary and, as its own backup processor, on the backup replicas.
 */
final class UsageBatch implements EntryProcessor<InstanceKey, UsageAggregate, Void> {

    private final String[] instanceIds;
    private final long[] seconds;
    private final int[] nanos;
    private final double[] cpu;
    private final double[] memoryGiB;
    private final double[] networkMbps;
    private transient Map<String, List<UsageSample>> byInstance;

    UsageBatch(List<UsageSample> samples) {
        int n = samples.size();
        instanceIds = new String[n];
        seconds = new long[n];
        nanos = new int[n];
        cpu = new double[n];
        memoryGiB = new double[n];
        networkMbps = new double[n];
        for (int i = 0; i < n; i++) {
            UsageSample s = samples.get(i);
            instanceIds[i] = s.instanceId();
            seconds[i] = s.time().getEpochSecond();
            nanos[i] = s.time().getNano();
            cpu[i] = s.cpu();
            memoryGiB[i] = s.memoryGiB();
            networkMbps[i] = s.networkMbps();
        }
    }

    private UsageBatch(String[] instanceIds, long[] seconds, int[] nanos, double[] cpu, double[] memoryGiB,
                       double[] networkMbps) {
        this.instanceIds = instanceIds;
        this.seconds = seconds;
        this.nanos = nanos;
        this.cpu = cpu;
        this.memoryGiB = memoryGiB;
        this.networkMbps = networkMbps;
    }

    @Override
    public Void process(Map.Entry<InstanceKey, UsageAggregate> entry) {
        List<UsageSample> samples = samplesByInstance().get(entry.getKey().instanceId());
        if (samples == null) {
            return null;
        }
        UsageAggregate aggregate = entry.getValue() == null ? UsageAggregate.empty() : entry.getValue();
        for (UsageSample sample : samples) {
            aggregate = aggregate.plus(sample);
        }
        entry.setValue(aggregate);
        return null;
    }

    private Map<String, List<UsageSample>> samplesByInstance() {
        if (byInstance == null) {
            Map<String, List<UsageSample>> map = new HashMap<>();
            for (int i = 0; i < instanceIds.length; i++) {
                UsageSample s = new UsageSample(instanceIds[i], Instant.ofEpochSecond(seconds[i], nanos[i]), cpu[i],
                        memoryGiB[i], networkMbps[i]);
                map.computeIfAbsent(s.instanceId(), id -> new ArrayList<>(2)).add(s);
            }
            byInstance = map;
        }
        return byInstance;
    }

    /** Compact form of a batch: parallel arrays, one per field. */
    static final class Serializer implements CompactSerializer<UsageBatch> {
        @Override
        public UsageBatch read(CompactReader in) {
            return new UsageBatch(in.readArrayOfString("instanceIds"), in.readArrayOfInt64("seconds"),
                    in.readArrayOfInt32("nanos"), in.readArrayOfFloat64("cpu"), in.readArrayOfFloat64("memoryGiB"),
                    in.readArrayOfFloat64("networkMbps"));
        }

        @Override
        public void write(CompactWriter out, UsageBatch b) {
            out.writeArrayOfString("instanceIds", b.instanceIds);
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

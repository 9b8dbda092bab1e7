package io.arbiter.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.arbiter.scoring.ClientUsage;
import io.arbiter.scoring.DecaySpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves clients' usage series by a batch of their instances' samples and stops, in time order,
 * where each client's usage lives: one operation per partition, like {@link UsageBatch}.
 */
final class ApplyClientSamples implements EntryProcessor<String, ClientUsage, Void> {

    /** One change of a client's usage: an instance's sample, or its stop (then the values are unused). */
    record Change(String clientId, String instanceId, Instant time, double cpu, double memoryGiB, double networkMbps,
                  boolean stopped) {
    }

    private final long halfLifeMillis;
    private final List<Change> changes;
    private transient Map<String, List<Change>> byClient;

    ApplyClientSamples(Duration halfLife, List<Change> changes) {
        this.halfLifeMillis = halfLife.toMillis();
        this.changes = changes;
    }

    @Override
    public Void process(Map.Entry<String, ClientUsage> entry) {
        List<Change> mine = byClient().get(entry.getKey());
        if (mine == null) {
            return null;
        }
        DecaySpec spec = DecaySpec.uniform(Duration.ofMillis(halfLifeMillis));
        ClientUsage usage = entry.getValue() == null ? ClientUsage.empty(spec)
                : entry.getValue().decayed().spec().equals(spec) ? entry.getValue()
                : ClientUsage.of(entry.getValue().latestByInstance(), entry.getValue().decayed(),
                entry.getValue().history(), spec);
        for (Change c : mine) {
            if (c.stopped()) {
                usage.stopped(c.instanceId(), c.time());
            } else {
                usage.sample(c.instanceId(), c.time(), c.cpu(), c.memoryGiB(), c.networkMbps());
            }
        }
        entry.setValue(usage);
        return null;
    }

    private Map<String, List<Change>> byClient() {
        if (byClient == null) {
            Map<String, List<Change>> map = new HashMap<>();
            changes.stream().sorted(Comparator.comparing(Change::time))
                    .forEach(c -> map.computeIfAbsent(c.clientId(), id -> new ArrayList<>()).add(c));
            byClient = map;
        }
        return byClient;
    }

    /** Compact form: parallel arrays, one per field of a change. */
    static final class Serializer implements CompactSerializer<ApplyClientSamples> {
        @Override
        public ApplyClientSamples read(CompactReader in) {
            String[] clients = in.readArrayOfString("clientIds");
            String[] instances = in.readArrayOfString("instanceIds");
            long[] seconds = in.readArrayOfInt64("seconds");
            int[] nanos = in.readArrayOfInt32("nanos");
            double[] cpu = in.readArrayOfFloat64("cpu");
            double[] memory = in.readArrayOfFloat64("memoryGiB");
            double[] network = in.readArrayOfFloat64("networkMbps");
            boolean[] stopped = in.readArrayOfBoolean("stopped");
            List<Change> changes = new ArrayList<>(clients.length);
            for (int i = 0; i < clients.length; i++) {
                changes.add(new Change(clients[i], instances[i], Instant.ofEpochSecond(seconds[i], nanos[i]), cpu[i],
                        memory[i], network[i], stopped[i]));
            }
            return new ApplyClientSamples(Duration.ofMillis(in.readInt64("halfLifeMillis")), changes);
        }

        @Override
        public void write(CompactWriter out, ApplyClientSamples a) {
            List<Change> c = a.changes;
            out.writeInt64("halfLifeMillis", a.halfLifeMillis);
            out.writeArrayOfString("clientIds", c.stream().map(Change::clientId).toArray(String[]::new));
            out.writeArrayOfString("instanceIds", c.stream().map(Change::instanceId).toArray(String[]::new));
            out.writeArrayOfInt64("seconds", c.stream().mapToLong(x -> x.time().getEpochSecond()).toArray());
            out.writeArrayOfInt32("nanos", c.stream().mapToInt(x -> x.time().getNano()).toArray());
            out.writeArrayOfFloat64("cpu", c.stream().mapToDouble(Change::cpu).toArray());
            out.writeArrayOfFloat64("memoryGiB", c.stream().mapToDouble(Change::memoryGiB).toArray());
            out.writeArrayOfFloat64("networkMbps", c.stream().mapToDouble(Change::networkMbps).toArray());
            boolean[] stopped = new boolean[c.size()];
            for (int i = 0; i < stopped.length; i++) {
                stopped[i] = c.get(i).stopped();
            }
            out.writeArrayOfBoolean("stopped", stopped);
        }

        @Override
        public String getTypeName() {
            return "arbiter.ApplyClientSamples";
        }

        @Override
        public Class<ApplyClientSamples> getCompactClass() {
            return ApplyClientSamples.class;
        }
    }
}

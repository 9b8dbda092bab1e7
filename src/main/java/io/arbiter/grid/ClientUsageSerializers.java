package io.arbiter.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.arbiter.scoring.ClientUsage;
import io.arbiter.scoring.DecayedUsage;
import io.arbiter.scoring.Projection;
import io.arbiter.scoring.UsageHistory;
import io.arbiter.scoring.UsageSummary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compact forms of the scoring package's per-client usage, its summaries, and instance locations. */
final class ClientUsageSerializers {

    private ClientUsageSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new UsageSerializer(), new SummarySerializer(), new LocationSerializer(),
                new ApplyClientSamples.Serializer(), new SummarizeUsage.Serializer());
    }

    static final class UsageSerializer implements CompactSerializer<ClientUsage> {
        @Override
        public ClientUsage read(CompactReader in) {
            String[] ids = in.readArrayOfString("instanceIds");
            double[] cpu = in.readArrayOfFloat64("cpu");
            double[] memory = in.readArrayOfFloat64("memoryGiB");
            double[] network = in.readArrayOfFloat64("networkMbps");
            Map<String, double[]> latest = new HashMap<>();
            for (int i = 0; i < ids.length; i++) {
                latest.put(ids[i], new double[]{cpu[i], memory[i], network[i]});
            }
            DecayedUsage decayed = DecayedUsage.fromArray(in.readArrayOfFloat64("decayed"));
            return ClientUsage.of(latest, decayed, UsageHistory.fromBytes(in.readArrayOfInt8("history")),
                    decayed.spec());
        }

        @Override
        public void write(CompactWriter out, ClientUsage u) {
            Map<String, double[]> latest = u.latestByInstance();
            String[] ids = latest.keySet().toArray(String[]::new);
            double[][] columns = new double[3][ids.length];
            for (int i = 0; i < ids.length; i++) {
                double[] sample = latest.get(ids[i]);
                for (int k = 0; k < 3; k++) {
                    columns[k][i] = sample[k];
                }
            }
            out.writeArrayOfString("instanceIds", ids);
            out.writeArrayOfFloat64("cpu", columns[0]);
            out.writeArrayOfFloat64("memoryGiB", columns[1]);
            out.writeArrayOfFloat64("networkMbps", columns[2]);
            out.writeArrayOfFloat64("decayed", u.decayed().toArray());
            out.writeArrayOfInt8("history", u.history().toBytes());
        }

        @Override
        public String getTypeName() {
            return "arbiter.ClientUsage";
        }

        @Override
        public Class<ClientUsage> getCompactClass() {
            return ClientUsage.class;
        }
    }

    static final class SummarySerializer implements CompactSerializer<UsageSummary> {
        @Override
        public UsageSummary read(CompactReader in) {
            Projection p = new Projection(in.readString("source"), CompactFields.readInstant(in, "from"),
                    CompactFields.readDuration(in, "horizon"), in.readFloat64("projectedCpu"),
                    in.readFloat64("projectedMemoryGiB"));
            return new UsageSummary(in.readFloat64("decayedCpu"), in.readFloat64("decayedMemoryGiB"),
                    in.readFloat64("decayedNetworkMbps"), in.readFloat64("currentCpu"),
                    in.readFloat64("currentMemoryGiB"), in.readFloat64("currentNetworkMbps"), p);
        }

        @Override
        public void write(CompactWriter out, UsageSummary s) {
            out.writeFloat64("decayedCpu", s.decayedCpu());
            out.writeFloat64("decayedMemoryGiB", s.decayedMemoryGiB());
            out.writeFloat64("decayedNetworkMbps", s.decayedNetworkMbps());
            out.writeFloat64("currentCpu", s.currentCpu());
            out.writeFloat64("currentMemoryGiB", s.currentMemoryGiB());
            out.writeFloat64("currentNetworkMbps", s.currentNetworkMbps());
            Projection p = s.projection();
            out.writeString("source", p.source());
            CompactFields.writeInstant(out, "from", p.from());
            CompactFields.writeDuration(out, "horizon", p.horizon());
            out.writeFloat64("projectedCpu", p.cpu());
            out.writeFloat64("projectedMemoryGiB", p.memoryGiB());
        }

        @Override
        public String getTypeName() {
            return "arbiter.UsageSummary";
        }

        @Override
        public Class<UsageSummary> getCompactClass() {
            return UsageSummary.class;
        }
    }

    static final class LocationSerializer implements CompactSerializer<InstanceLocation> {
        @Override
        public InstanceLocation read(CompactReader in) {
            return new InstanceLocation(in.readString("platformId"), in.readString("clientId"));
        }

        @Override
        public void write(CompactWriter out, InstanceLocation l) {
            out.writeString("platformId", l.platformId());
            out.writeString("clientId", l.clientId());
        }

        @Override
        public String getTypeName() {
            return "arbiter.InstanceLocation";
        }

        @Override
        public Class<InstanceLocation> getCompactClass() {
            return InstanceLocation.class;
        }
    }
}

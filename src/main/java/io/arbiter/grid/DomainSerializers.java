package io.arbiter.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.arbiter.domain.Client;
import io.arbiter.domain.ClientForecast;
import io.arbiter.domain.Contention;
import io.arbiter.domain.ContentionReason;
import io.arbiter.domain.DemandSignal;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceKind;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.Payment;
import io.arbiter.domain.Platform;
import io.arbiter.domain.Severity;
import io.arbiter.domain.ShadowSlot;
import io.arbiter.domain.SlaTier;
import io.arbiter.domain.UsageAggregate;
import io.arbiter.domain.UsageSample;

import java.util.List;

import static io.arbiter.grid.CompactFields.readDuration;
import static io.arbiter.grid.CompactFields.readInstant;
import static io.arbiter.grid.CompactFields.readResources;
import static io.arbiter.grid.CompactFields.writeDuration;
import static io.arbiter.grid.CompactFields.writeInstant;
import static io.arbiter.grid.CompactFields.writeResources;

/**
 * Explicit Compact serializers for every record the grid stores: plain calls, no reflection, and a
 * schema per type that Hazelcast can query by field name.
 */
final class DomainSerializers {

    private DomainSerializers() {
    }

    /** Every serializer, for registration with the member's configuration. */
    static List<CompactSerializer<?>> all() {
        return List.of(new PlatformSerializer(), new ClientSerializer(), new InstanceSerializer(),
                new InstanceKeySerializer(), new ItemKeySerializer(), new UsageAggregateSerializer(),
                new ForecastSerializer(), new PaymentSerializer(), new DemandSerializer(), new ShadowSlotSerializer(),
                new ContentionSerializer(), new UsageBatch.Serializer(), new InstanceUsage.Serializer(), ReadAggregate.SERIALIZER,
                new ClaimEventId.Serializer(), ReadEntry.SERIALIZER, new InstanceChangeLog.Serializer(),
                new InstanceChangeLog.Changes.Serializer(), new RecordInstanceChange.Serializer(),
                new ReadInstanceChanges.Serializer());
    }

    static final class PlatformSerializer implements CompactSerializer<Platform> {
        @Override
        public Platform read(CompactReader in) {
            return new Platform(in.readString("platformId"), in.readString("datacentre"), in.readString("zone"),
                    readResources(in, "capacity"));
        }

        @Override
        public void write(CompactWriter out, Platform p) {
            out.writeString("platformId", p.platformId());
            out.writeString("datacentre", p.datacentre());
            out.writeString("zone", p.zone());
            writeResources(out, "capacity", p.capacity());
        }

        @Override
        public String getTypeName() {
            return "arbiter.Platform";
        }

        @Override
        public Class<Platform> getCompactClass() {
            return Platform.class;
        }
    }

    static final class ClientSerializer implements CompactSerializer<Client> {
        @Override
        public Client read(CompactReader in) {
            return new Client(in.readString("clientId"), in.readString("name"),
                    SlaTier.valueOf(in.readString("slaTier")));
        }

        @Override
        public void write(CompactWriter out, Client c) {
            out.writeString("clientId", c.clientId());
            out.writeString("name", c.name());
            out.writeString("slaTier", c.slaTier().name());
        }

        @Override
        public String getTypeName() {
            return "arbiter.Client";
        }

        @Override
        public Class<Client> getCompactClass() {
            return Client.class;
        }
    }

    static final class InstanceSerializer implements CompactSerializer<Instance> {
        @Override
        public Instance read(CompactReader in) {
            return new Instance(in.readString("instanceId"), in.readString("clientId"), in.readString("platformId"),
                    InstanceKind.valueOf(in.readString("kind")), readResources(in, "resources"),
                    in.readString("service"), readInstant(in, "startedAt"),
                    InstanceState.valueOf(in.readString("state")));
        }

        @Override
        public void write(CompactWriter out, Instance i) {
            out.writeString("instanceId", i.instanceId());
            out.writeString("clientId", i.clientId());
            out.writeString("platformId", i.platformId());
            out.writeString("kind", i.kind().name());
            writeResources(out, "resources", i.resources());
            out.writeString("service", i.service());
            writeInstant(out, "startedAt", i.startedAt());
            out.writeString("state", i.state().name());
        }

        @Override
        public String getTypeName() {
            return "arbiter.Instance";
        }

        @Override
        public Class<Instance> getCompactClass() {
            return Instance.class;
        }
    }

    static final class InstanceKeySerializer implements CompactSerializer<InstanceKey> {
        @Override
        public InstanceKey read(CompactReader in) {
            return new InstanceKey(in.readString("instanceId"), in.readString("platformId"));
        }

        @Override
        public void write(CompactWriter out, InstanceKey k) {
            out.writeString("instanceId", k.instanceId());
            out.writeString("platformId", k.platformId());
        }

        @Override
        public String getTypeName() {
            return "arbiter.InstanceKey";
        }

        @Override
        public Class<InstanceKey> getCompactClass() {
            return InstanceKey.class;
        }
    }

    static final class ItemKeySerializer implements CompactSerializer<ItemKey> {
        @Override
        public ItemKey read(CompactReader in) {
            return new ItemKey(in.readString("owner"), in.readString("item"));
        }

        @Override
        public void write(CompactWriter out, ItemKey k) {
            out.writeString("owner", k.owner());
            out.writeString("item", k.item());
        }

        @Override
        public String getTypeName() {
            return "arbiter.ItemKey";
        }

        @Override
        public Class<ItemKey> getCompactClass() {
            return ItemKey.class;
        }
    }

    static final class UsageAggregateSerializer implements CompactSerializer<UsageAggregate> {
        @Override
        public UsageAggregate read(CompactReader in) {
            String instanceId = in.readString("instanceId");
            UsageSample latest = instanceId == null ? null : new UsageSample(instanceId, readInstant(in, "latestTime"),
                    in.readFloat64("latestCpu"), in.readFloat64("latestMemoryGiB"), in.readFloat64("latestNetworkMbps"));
            return new UsageAggregate(in.readInt64("samples"), latest, in.readFloat64("cpuSum"),
                    in.readFloat64("memoryGiBSum"), in.readFloat64("networkMbpsSum"));
        }

        @Override
        public void write(CompactWriter out, UsageAggregate u) {
            UsageSample latest = u.latest();
            out.writeString("instanceId", latest == null ? null : latest.instanceId());
            writeInstant(out, "latestTime", latest == null ? null : latest.time());
            out.writeFloat64("latestCpu", latest == null ? 0 : latest.cpu());
            out.writeFloat64("latestMemoryGiB", latest == null ? 0 : latest.memoryGiB());
            out.writeFloat64("latestNetworkMbps", latest == null ? 0 : latest.networkMbps());
            out.writeInt64("samples", u.samples());
            out.writeFloat64("cpuSum", u.cpuSum());
            out.writeFloat64("memoryGiBSum", u.memoryGiBSum());
            out.writeFloat64("networkMbpsSum", u.networkMbpsSum());
        }

        @Override
        public String getTypeName() {
            return "arbiter.UsageAggregate";
        }

        @Override
        public Class<UsageAggregate> getCompactClass() {
            return UsageAggregate.class;
        }
    }

    static final class ForecastSerializer implements CompactSerializer<ClientForecast> {
        @Override
        public ClientForecast read(CompactReader in) {
            return new ClientForecast(in.readString("clientId"), readInstant(in, "time"), readDuration(in, "horizon"),
                    in.readFloat64("cpu"), in.readFloat64("memoryGiB"));
        }

        @Override
        public void write(CompactWriter out, ClientForecast f) {
            out.writeString("clientId", f.clientId());
            writeInstant(out, "time", f.time());
            writeDuration(out, "horizon", f.horizon());
            out.writeFloat64("cpu", f.cpu());
            out.writeFloat64("memoryGiB", f.memoryGiB());
        }

        @Override
        public String getTypeName() {
            return "arbiter.ClientForecast";
        }

        @Override
        public Class<ClientForecast> getCompactClass() {
            return ClientForecast.class;
        }
    }

    static final class PaymentSerializer implements CompactSerializer<Payment> {
        @Override
        public Payment read(CompactReader in) {
            return new Payment(in.readString("clientId"), in.readString("invoiceId"), in.readDecimal("amount"),
                    in.readString("currency"), readInstant(in, "dueDate"), readInstant(in, "paidDate"));
        }

        @Override
        public void write(CompactWriter out, Payment p) {
            out.writeString("clientId", p.clientId());
            out.writeString("invoiceId", p.invoiceId());
            out.writeDecimal("amount", p.amount());
            out.writeString("currency", p.currency());
            writeInstant(out, "dueDate", p.dueDate());
            writeInstant(out, "paidDate", p.paidDate());
        }

        @Override
        public String getTypeName() {
            return "arbiter.Payment";
        }

        @Override
        public Class<Payment> getCompactClass() {
            return Payment.class;
        }
    }

    static final class DemandSerializer implements CompactSerializer<DemandSignal> {
        @Override
        public DemandSignal read(CompactReader in) {
            return new DemandSignal(in.readString("clientId"), in.readString("signal"), in.readFloat64("value"),
                    readInstant(in, "time"), readDuration(in, "ttl"));
        }

        @Override
        public void write(CompactWriter out, DemandSignal d) {
            out.writeString("clientId", d.clientId());
            out.writeString("signal", d.signal());
            out.writeFloat64("value", d.value());
            writeInstant(out, "time", d.time());
            writeDuration(out, "ttl", d.ttl());
        }

        @Override
        public String getTypeName() {
            return "arbiter.DemandSignal";
        }

        @Override
        public Class<DemandSignal> getCompactClass() {
            return DemandSignal.class;
        }
    }

    static final class ShadowSlotSerializer implements CompactSerializer<ShadowSlot> {
        @Override
        public ShadowSlot read(CompactReader in) {
            return new ShadowSlot(in.readString("slotId"), in.readString("platformId"), readResources(in, "capacity"));
        }

        @Override
        public void write(CompactWriter out, ShadowSlot s) {
            out.writeString("slotId", s.slotId());
            out.writeString("platformId", s.platformId());
            writeResources(out, "capacity", s.capacity());
        }

        @Override
        public String getTypeName() {
            return "arbiter.ShadowSlot";
        }

        @Override
        public Class<ShadowSlot> getCompactClass() {
            return ShadowSlot.class;
        }
    }

    static final class ContentionSerializer implements CompactSerializer<Contention> {
        @Override
        public Contention read(CompactReader in) {
            return new Contention(in.readString("platformId"), ContentionReason.valueOf(in.readString("reason")),
                    Severity.valueOf(in.readString("severity")), readResources(in, "need"),
                    in.readString("beneficiary"));
        }

        @Override
        public void write(CompactWriter out, Contention c) {
            out.writeString("platformId", c.platformId());
            out.writeString("reason", c.reason().name());
            out.writeString("severity", c.severity().name());
            writeResources(out, "need", c.need());
            out.writeString("beneficiary", c.beneficiary());
        }

        @Override
        public String getTypeName() {
            return "arbiter.Contention";
        }

        @Override
        public Class<Contention> getCompactClass() {
            return Contention.class;
        }
    }
}

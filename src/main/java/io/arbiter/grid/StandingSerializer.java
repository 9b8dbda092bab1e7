package io.arbiter.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.arbiter.domain.InterruptionStanding;

import java.util.Arrays;

/** Compact form of an {@link InterruptionStanding}. */
final class StandingSerializer implements CompactSerializer<InterruptionStanding> {

    @Override
    public InterruptionStanding read(CompactReader in) {
        return new InterruptionStanding(in.readString("clientId"), in.readString("sparedBecause"),
                Arrays.asList(in.readArrayOfString("rules")));
    }

    @Override
    public void write(CompactWriter out, InterruptionStanding s) {
        out.writeString("clientId", s.clientId());
        out.writeString("sparedBecause", s.sparedBecause());
        out.writeArrayOfString("rules", s.rules().toArray(String[]::new));
    }

    @Override
    public String getTypeName() {
        return "arbiter.InterruptionStanding";
    }

    @Override
    public Class<InterruptionStanding> getCompactClass() {
        return InterruptionStanding.class;
    }
}

package io.arbiter.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.arbiter.domain.ClientScore;
import io.arbiter.domain.FactorContribution;
import io.arbiter.domain.SlaTier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Compact form of a {@link ClientScore}: the explanation's lines as parallel arrays. */
final class ScoreSerializer implements CompactSerializer<ClientScore> {

    @Override
    public ClientScore read(CompactReader in) {
        String[] names = in.readArrayOfString("factorName");
        double[] raw = in.readArrayOfFloat64("factorRaw");
        double[] normalized = in.readArrayOfFloat64("factorNormalized");
        double[] weight = in.readArrayOfFloat64("factorWeight");
        double[] contribution = in.readArrayOfFloat64("factorContribution");
        List<FactorContribution> factors = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            factors.add(new FactorContribution(names[i], raw[i], normalized[i], weight[i], contribution[i]));
        }
        return new ClientScore(in.readString("clientId"), SlaTier.valueOf(in.readString("slaTier")),
                in.readFloat64("cvs"), factors, Arrays.asList(in.readArrayOfString("adjustments")),
                in.readString("ruleRevision"), in.readString("policyVersion"),
                CompactFields.readInstant(in, "computedAt"));
    }

    @Override
    public void write(CompactWriter out, ClientScore s) {
        out.writeString("clientId", s.clientId());
        out.writeString("slaTier", s.slaTier().name());
        out.writeFloat64("cvs", s.cvs());
        List<FactorContribution> f = s.factors();
        out.writeArrayOfString("factorName", f.stream().map(FactorContribution::name).toArray(String[]::new));
        out.writeArrayOfFloat64("factorRaw", f.stream().mapToDouble(FactorContribution::raw).toArray());
        out.writeArrayOfFloat64("factorNormalized", f.stream().mapToDouble(FactorContribution::normalized).toArray());
        out.writeArrayOfFloat64("factorWeight", f.stream().mapToDouble(FactorContribution::weight).toArray());
        out.writeArrayOfFloat64("factorContribution",
                f.stream().mapToDouble(FactorContribution::contribution).toArray());
        out.writeArrayOfString("adjustments", s.adjustments().toArray(String[]::new));
        out.writeString("ruleRevision", s.ruleRevision());
        out.writeString("policyVersion", s.policyVersion());
        CompactFields.writeInstant(out, "computedAt", s.computedAt());
    }

    @Override
    public String getTypeName() {
        return "arbiter.ClientScore";
    }

    @Override
    public Class<ClientScore> getCompactClass() {
        return ClientScore.class;
    }
}

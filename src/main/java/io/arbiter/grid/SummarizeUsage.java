package io.arbiter.grid;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.arbiter.scoring.ClientUsage;
import io.arbiter.scoring.ForecastSelector;
import io.arbiter.scoring.UsageSummary;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Summarises each client's usage where it lives — decayed use, current total and the shipped
 * forecaster's projection — so that a few numbers per client travel, not its history.
 */
final class SummarizeUsage implements EntryProcessor<String, ClientUsage, UsageSummary>, ReadOnly {

    private final Instant now;
    private final Duration horizon;

    SummarizeUsage(Instant now, Duration horizon) {
        this.now = now;
        this.horizon = horizon;
    }

    @Override
    public UsageSummary process(Map.Entry<String, ClientUsage> entry) {
        ClientUsage usage = entry.getValue();
        return usage == null ? null : usage.summarize(now, horizon, ForecastSelector.standard(), null);
    }

    @Override
    public EntryProcessor<String, ClientUsage, UsageSummary> getBackupProcessor() {
        return null;
    }

    /** Compact form: the instant and the horizon. */
    static final class Serializer implements CompactSerializer<SummarizeUsage> {
        @Override
        public SummarizeUsage read(CompactReader in) {
            return new SummarizeUsage(CompactFields.readInstant(in, "now"), CompactFields.readDuration(in, "horizon"));
        }

        @Override
        public void write(CompactWriter out, SummarizeUsage s) {
            CompactFields.writeInstant(out, "now", s.now);
            CompactFields.writeDuration(out, "horizon", s.horizon);
        }

        @Override
        public String getTypeName() {
            return "arbiter.SummarizeUsage";
        }

        @Override
        public Class<SummarizeUsage> getCompactClass() {
            return SummarizeUsage.class;
        }
    }
}

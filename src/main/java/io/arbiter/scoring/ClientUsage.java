package io.arbiter.scoring;

import io.arbiter.domain.ClientForecast;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One client's usage as a series: the total of the latest sample of each of its running
 * instances, kept with decay ({@link DecayedUsage}) and as a bounded history ({@link UsageHistory})
 * for forecasting. Each instance sample moves the total by the difference from that instance's
 * previous sample; a stopped instance leaves it. Not thread-safe: the grid member owning the
 * client's partition updates it.
 */
public final class ClientUsage {

    private final Map<String, double[]> latest;
    private final double[] total;
    private DecayedUsage decayed;
    private final UsageHistory history;

    private ClientUsage(Map<String, double[]> latest, double[] total, DecayedUsage decayed, UsageHistory history) {
        this.latest = latest;
        this.total = total;
        this.decayed = decayed;
        this.history = history;
    }

    /** A client with no usage yet, decayed by {@code spec}. */
    public static ClientUsage empty(DecaySpec spec) {
        return new ClientUsage(new HashMap<>(), new double[3], DecayedUsage.empty(spec), new UsageHistory());
    }

    /** Rebuilds a client's usage from its parts (as stored), kept from now on with {@code spec}. */
    public static ClientUsage of(Map<String, double[]> latestByInstance, DecayedUsage decayed, UsageHistory history,
                                 DecaySpec spec) {
        double[] total = new double[3];
        Map<String, double[]> copy = new HashMap<>();
        latestByInstance.forEach((id, sample) -> {
            copy.put(id, sample.clone());
            for (int k = 0; k < 3; k++) {
                total[k] += sample[k];
            }
        });
        DecayedUsage kept = decayed.spec().equals(spec) ? decayed : new DecayedUsage(spec, decayed.referenceMillis(),
                decayed.lastSampleMillis(), decayed.cpuCoreSeconds(), decayed.memoryGiBSeconds(),
                decayed.networkMegabits());
        return new ClientUsage(copy, total, kept, history);
    }

    /** An instance of this client reported its use at {@code time}. */
    public void sample(String instanceId, Instant time, double cpu, double memoryGiB, double networkMbps) {
        double[] previous = latest.put(instanceId, new double[]{cpu, memoryGiB, networkMbps});
        total[0] += cpu - (previous == null ? 0 : previous[0]);
        total[1] += memoryGiB - (previous == null ? 0 : previous[1]);
        total[2] += networkMbps - (previous == null ? 0 : previous[2]);
        record(time);
    }

    /** An instance of this client stopped at {@code time}: its use no longer counts. */
    public void stopped(String instanceId, Instant time) {
        double[] previous = latest.remove(instanceId);
        if (previous != null) {
            for (int k = 0; k < 3; k++) {
                total[k] -= previous[k];
            }
            record(time);
        }
    }

    private void record(Instant time) {
        for (int k = 0; k < 3; k++) {
            total[k] = Math.max(0, total[k]);
        }
        decayed = decayed.add(time, total[0], total[1], total[2]);
        history.add(time, total[0], total[1], total[2]);
    }

    /**
     * What the CVS and the platform forecast need, at {@code now}: decayed use, the current total,
     * and the projected need over {@code horizon} (the client's own forecast while in force).
     */
    public UsageSummary summarize(Instant now, Duration horizon, ForecastSelector selector, ClientForecast own) {
        DecayedUsage atNow = decayed.decayedTo(now);
        Projection projection = selector.select(own, history, now, horizon);
        return new UsageSummary(atNow.cpuCores(), atNow.memoryGiB(), atNow.networkMbps(), total[0], total[1], total[2],
                projection);
    }

    /** The latest sample of each running instance: cpu, memoryGiB, networkMbps. */
    public Map<String, double[]> latestByInstance() {
        return latest;
    }

    /** The decayed usage, as of the latest sample. */
    public DecayedUsage decayed() {
        return decayed;
    }

    /** The bounded history. */
    public UsageHistory history() {
        return history;
    }
}

package io.arbiter.bench.forecast;

import io.arbiter.scoring.DecaySpec;
import io.arbiter.scoring.DecayedUsage;
import io.arbiter.scoring.UsageHistory;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one usage sample costs the scoring types on ingestion: one {@link UsageHistory} add and two
 * {@link DecayedUsage} adds (the instance's and its client's), one sample a second per thread.
 *
 * <p>Run: {@code bin/bench jmh UsageIngestBench}; two threads, as on a two-core member.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(2)
@State(Scope.Thread)
public class UsageIngestBench {

    private UsageHistory history;
    private DecayedUsage instance;
    private DecayedUsage client;
    private long second;

    /** Starts each thread with empty state. */
    @Setup
    public void setUp() {
        history = new UsageHistory();
        instance = DecayedUsage.empty(DecaySpec.autopilot());
        client = DecayedUsage.empty(DecaySpec.slurm());
        second = Instant.parse("2026-12-03T00:00:00Z").getEpochSecond();
    }

    /** Ingests one sample. */
    @Benchmark
    public DecayedUsage ingestOneSample() {
        Instant time = Instant.ofEpochSecond(++second);
        double cpu = (second % 977) / 100.0;
        double memory = 4 + (second % 13) / 10.0;
        history.add(time, cpu, memory, 10);
        instance = instance.add(time, cpu, memory, 10);
        client = client.add(time, cpu, memory, 10);
        return client;
    }
}

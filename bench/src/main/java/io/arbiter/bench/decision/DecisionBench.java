package io.arbiter.bench.decision;

import io.arbiter.arbitration.PlatformRoster;
import io.arbiter.domain.Decision;
import io.arbiter.domain.Instance;
import io.arbiter.policy.RuleCompilationException;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * From contention to decision on one platform of 1,000, 10,000 or 100,000 running instances of
 * 10,000 clients ({@link ContendedPlatform}): Arbiter's decision, and in the same run the original
 * specification's algorithm (score every client again, sort every instance, interrupt all under the
 * threshold); beside them what keeping the platform's roster costs the service (making it anew,
 * patching it after one change). Sample time, so that the median and the 99th percentile are printed.
 *
 * <p>Settings, kept modest for two shared cores: one fork; five measured iterations of 2 s; warm-up
 * five iterations of 2 s for Arbiter, ten for the baseline (its rule sessions take longer to reach
 * their steady speed, and a baseline measured cold would flatter the comparison).
 *
 * <p>Run: {@code bin/bench jmh DecisionBench}, or {@code bin/bench io.arbiter.bench.decision.DecisionComparison}
 * for the same run summed up in one table with the instances each approach interrupts.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DecisionBench {

    @Param({"1000", "10000", "100000"})
    public int instances;

    private ContendedPlatform platform;
    private long changes;

    /** Compiles the rules, generates and scores the clients, and puts their instances on the platform. */
    @Setup
    public void setUp() throws RuleCompilationException {
        platform = ContendedPlatform.generate(Fleet.generate(Fleet.compileRules()), instances);
        System.gc(); // the platform settles in the old generation, as a running service's state has
    }

    /** Arbiter: select the fewest lowest-value instances from the standing it holds, and explain. */
    @Benchmark
    public Decision arbiter() {
        return platform.arbiter();
    }

    /**
     * Arbiter's first decision after a scoring pass: as {@link #arbiter()}, and the roster reads each
     * of its clients' new score and verdict first.
     */
    @Benchmark
    public Decision arbiterAfterScoringPass() {
        return platform.arbiterAfterScoringPass();
    }

    /**
     * Making the platform's roster anew from all its instances: what the service adds to its first
     * decision for the platform, or when more instances changed since the last than the platform's
     * change log holds.
     */
    @Benchmark
    public PlatformRoster rosterMadeAnew() {
        return platform.roster();
    }

    /**
     * Patching the platform's roster after one instance changed: what the service adds to a decision
     * for each instance that changed since the last one (it keeps the roster while none do).
     */
    @Benchmark
    public PlatformRoster rosterPatched() {
        return platform.patchedAfterOneChange(changes++);
    }

    /** The original specification: re-score every client, sort all instances, take all under the threshold. */
    @Benchmark
    @Warmup(iterations = 10, time = 2)
    public List<Instance> specificationBaseline() {
        return platform.specificationBaseline();
    }
}

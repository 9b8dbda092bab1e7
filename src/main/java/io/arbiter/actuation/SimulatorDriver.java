package io.arbiter.actuation;

import io.arbiter.domain.Endpoint;
import io.arbiter.domain.Instance;
import io.arbiter.domain.ShadowSlot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded default platform: instances simulated in process. Each instance behaves as told
 * (stops gracefully after a delay, ignores graceful shutdown, or the call fails; termination may
 * fail too), with delays on the injected {@link Scheduler}, so every actuation path is testable and
 * deterministic. Calls are idempotent per instance and recorded for inspection.
 */
public final class SimulatorDriver implements PlatformDriver {

    /** What a simulated instance does when asked to shut down gracefully. */
    public enum OnShutdown { STOP, IGNORE, FAIL }

    /**
     * How one simulated instance behaves.
     *
     * @param stopAfter how long a graceful shutdown takes, for {@link OnShutdown#STOP}
     * @param terminateFails whether forced termination fails too
     */
    public record Behaviour(OnShutdown onShutdown, Duration stopAfter, boolean terminateFails) {

        /** Stops gracefully after {@code delay}. */
        public static Behaviour stopsAfter(Duration delay) {
            return new Behaviour(OnShutdown.STOP, delay, false);
        }

        /** Ignores graceful shutdown; only termination stops it. */
        public static Behaviour ignoresShutdown() {
            return new Behaviour(OnShutdown.IGNORE, Duration.ZERO, false);
        }

        /** The graceful shutdown call fails. */
        public static Behaviour shutdownFails() {
            return new Behaviour(OnShutdown.FAIL, Duration.ZERO, false);
        }
    }

    private final Scheduler scheduler;
    private final Behaviour defaults;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> shutdowns = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> terminations = new ConcurrentHashMap<>();
    private final List<String> calls = new ArrayList<>();

    public SimulatorDriver(Scheduler scheduler, Behaviour defaults) {
        this.scheduler = scheduler;
        this.defaults = defaults;
    }

    /** Sets how {@code instanceId} behaves from now on. */
    public void behave(String instanceId, Behaviour behaviour) {
        behaviours.put(instanceId, behaviour);
    }

    /** How {@code instanceId} behaves. */
    public Behaviour behaviourOf(String instanceId) {
        return behaviours.getOrDefault(instanceId, defaults);
    }

    @Override
    public CompletionStage<Void> shutdown(Instance instance, Duration grace) {
        record("shutdown " + instance.instanceId());
        return shutdowns.computeIfAbsent(instance.instanceId(), id -> {
            Behaviour b = behaviourOf(id);
            CompletableFuture<Void> stopped = new CompletableFuture<>();
            switch (b.onShutdown()) {
                case STOP -> scheduler.schedule(b.stopAfter(), () -> stopped.complete(null));
                case FAIL -> stopped.completeExceptionally(new IllegalStateException("simulated shutdown failure of " + id));
                case IGNORE -> { }
            }
            return stopped;
        });
    }

    @Override
    public CompletionStage<Void> terminate(Instance instance) {
        record("terminate " + instance.instanceId());
        return terminations.computeIfAbsent(instance.instanceId(), id -> behaviourOf(id).terminateFails()
                ? CompletableFuture.failedFuture(new IllegalStateException("simulated termination failure of " + id))
                : CompletableFuture.completedFuture(null));
    }

    @Override
    public CompletionStage<Snapshot> snapshot(Instance instance, Snapshot base) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("the simulator cannot snapshot yet"));
    }

    @Override
    public CompletionStage<Void> restore(Instance copy, ShadowSlot slot, Snapshot snapshot) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("the simulator cannot restore yet"));
    }

    @Override
    public CompletionStage<Endpoint> endpoint(Instance instance) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("simulated instances serve no traffic yet"));
    }

    /** Every call made, in order, as {@code "shutdown i1"} or {@code "terminate i1"}. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private synchronized void record(String call) {
        calls.add(call);
    }
}

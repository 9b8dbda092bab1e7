package io.arbiter.actuation;

import io.arbiter.domain.Endpoint;
import io.arbiter.domain.Instance;
import io.arbiter.domain.ShadowSlot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The embedded default platform: instances simulated in process. Each instance behaves as told
 * (stops gracefully after a delay, ignores graceful shutdown, or the call fails; termination may
 * fail or hang too; snapshots and restores take a while, fail, or a restore hangs), with delays on
 * the injected {@link Scheduler}, so every actuation path is testable and deterministic (a zero delay
 * completes at once). Calls are idempotent per instance and recorded for inspection. A graceful
 * shutdown is asked once per instance (a second call answers the first's outcome); a termination
 * is asked anew each time, as a retry of a real platform's call would be, with the behaviour in
 * force then.
 *
 * <p>An instance that carries a {@code service} is a live HTTP backend on 127.0.0.1 once
 * {@link #startBackend} is called (the wiring does so when the instance is registered): a small
 * key-value store ({@link KeyValueBackend}). {@link #snapshot} copies its entries (all, or what
 * changed since the base, deletions included), {@link #restore} starts the copy's backend with them or
 * brings it up to date, {@link #endpoint} gives its address, and termination or a completed graceful
 * shutdown stops it. Instances without a service hold no state: their snapshots are empty and a
 * restore only waits its delay. A placement is an instance id on a platform, so a migration's copy
 * may keep the original's id as long as it runs on the slot's platform.
 */
public final class SimulatorDriver implements PlatformDriver, AutoCloseable {

    /** What a simulated instance does when asked to shut down gracefully. */
    public enum OnShutdown { STOP, IGNORE, FAIL }

    /** What a restore of a simulated instance's snapshot does. */
    public enum OnRestore {
        /** Completes after the restore delay. */
        COMPLETE,
        /** Never completes: the caller's timeout must act. */
        HANG,
        /** Fails at once. */
        FAIL
    }

    /**
     * How one simulated instance behaves.
     *
     * @param stopAfter how long a graceful shutdown takes, for {@link OnShutdown#STOP}
     * @param terminateFails whether forced termination fails too
     * @param terminateHangs whether forced termination never answers (the caller's timeout must act);
     *                       it wins over {@code terminateFails}
     * @param snapshotDelay how long taking a snapshot of it takes
     * @param snapshotFails whether taking a snapshot of it fails
     * @param onRestore what restoring its snapshots (into any slot) does
     * @param restoreDelay how long a restore takes, for {@link OnRestore#COMPLETE}
     */
    public record Behaviour(OnShutdown onShutdown, Duration stopAfter, boolean terminateFails, boolean terminateHangs,
                            Duration snapshotDelay, boolean snapshotFails, OnRestore onRestore, Duration restoreDelay) {

        public Behaviour {
            Objects.requireNonNull(onShutdown, "onShutdown");
            Objects.requireNonNull(onRestore, "onRestore");
            for (Duration d : List.of(stopAfter, snapshotDelay, restoreDelay)) {
                if (d == null || d.isNegative()) {
                    throw new IllegalArgumentException("simulated delays must be zero or more, was " + d);
                }
            }
        }

        /** Shutdown behaviour only; snapshots and restores complete at once. */
        public Behaviour(OnShutdown onShutdown, Duration stopAfter, boolean terminateFails) {
            this(onShutdown, stopAfter, terminateFails, false, Duration.ZERO, false, OnRestore.COMPLETE, Duration.ZERO);
        }

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

        /** This behaviour, with snapshots that take {@code delay} and then succeed or fail. */
        public Behaviour withSnapshot(Duration delay, boolean fails) {
            return new Behaviour(onShutdown, stopAfter, terminateFails, terminateHangs, delay, fails, onRestore,
                    restoreDelay);
        }

        /** This behaviour, with restores of its snapshots that do {@code what} (after {@code delay} when completing). */
        public Behaviour withRestore(OnRestore what, Duration delay) {
            return new Behaviour(onShutdown, stopAfter, terminateFails, terminateHangs, snapshotDelay, snapshotFails,
                    what, delay);
        }

        /** This behaviour, with forced termination that fails, or that never answers. */
        public Behaviour withTerminate(boolean fails, boolean hangs) {
            return new Behaviour(onShutdown, stopAfter, fails, hangs, snapshotDelay, snapshotFails, onRestore,
                    restoreDelay);
        }
    }

    private final Scheduler scheduler;
    private final Behaviour defaults;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> shutdowns = new ConcurrentHashMap<>();
    private final Map<String, StateCopy> snapshots = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final SimulatedBackends backends = new SimulatedBackends();
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

    /**
     * Starts the live backend of {@code instance} (empty) unless it runs already, and answers where
     * it listens. Throws {@link IllegalArgumentException} when the instance carries no service.
     */
    public Endpoint startBackend(Instance instance) {
        requireService(instance);
        return backends.start(instance, new KeyValueState()).endpoint();
    }

    @Override
    public CompletionStage<Void> shutdown(Instance instance, Duration grace) {
        record("shutdown " + instance.instanceId());
        return shutdowns.computeIfAbsent(SimulatedBackends.placement(instance), key -> {
            String id = instance.instanceId();
            Behaviour b = behaviourOf(id);
            CompletableFuture<Void> stopped = new CompletableFuture<>();
            switch (b.onShutdown()) {
                case STOP -> after(b.stopAfter(), stopped, () -> {
                    backends.stop(instance);
                    return null;
                });
                case FAIL -> stopped.completeExceptionally(new IllegalStateException("simulated shutdown failure of " + id));
                case IGNORE -> { }
            }
            return stopped;
        });
    }

    @Override
    public CompletionStage<Void> terminate(Instance instance) {
        record("terminate " + instance.instanceId());
        Behaviour b = behaviourOf(instance.instanceId());
        if (b.terminateHangs()) {
            return new CompletableFuture<>();
        }
        if (b.terminateFails()) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("simulated termination failure of " + instance.instanceId()));
        }
        backends.stop(instance);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Snapshot> snapshot(Instance instance, Snapshot base) {
        record("snapshot " + instance.instanceId() + (base == null ? "" : " since " + base.snapshotId()));
        Behaviour b = behaviourOf(instance.instanceId());
        return after(b.snapshotDelay(), new CompletableFuture<>(), () -> {
            if (b.snapshotFails()) {
                throw new IllegalStateException("simulated snapshot failure of " + instance.instanceId());
            }
            StateCopy copy = copyOf(instance, base);
            long seq = sequence.incrementAndGet();
            Snapshot snapshot = new Snapshot(instance.instanceId() + "#" + seq, instance.instanceId(), seq,
                    base == null ? null : base.snapshotId(), copy.bytes());
            snapshots.put(snapshot.snapshotId(), copy);
            return snapshot;
        });
    }

    @Override
    public CompletionStage<Void> restore(Instance copy, ShadowSlot slot, Snapshot snapshot) {
        record("restore " + copy.instanceId() + " from " + snapshot.snapshotId());
        if (!copy.platformId().equals(slot.platformId())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("the copy " + copy.instanceId()
                    + " must run on the slot's platform " + slot.platformId() + ", not " + copy.platformId()));
        }
        StateCopy content = snapshots.get(snapshot.snapshotId());
        if (content == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("unknown snapshot "
                    + snapshot.snapshotId()));
        }
        Behaviour b = behaviours.containsKey(copy.instanceId()) ? behaviourOf(copy.instanceId())
                : behaviourOf(snapshot.instanceId());
        return switch (b.onRestore()) {
            case HANG -> new CompletableFuture<>();
            case FAIL -> CompletableFuture.failedFuture(new IllegalStateException("simulated restore failure of "
                    + snapshot.snapshotId() + " into slot " + slot.slotId()));
            case COMPLETE -> after(b.restoreDelay(), new CompletableFuture<>(), () -> {
                bringUp(copy, content);
                return null;
            });
        };
    }

    @Override
    public CompletionStage<Endpoint> endpoint(Instance instance) {
        try {
            requireService(instance);
            return CompletableFuture.completedFuture(running(instance).endpoint());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Every call made, in order, as {@code "shutdown i1"}, {@code "terminate i1"}, {@code "snapshot i1"}…. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** The calls made for instance {@code instanceId} (as the instance or as a restored copy), in order. */
    public synchronized List<String> callsFor(String instanceId) {
        return calls.stream().filter(c -> instanceId.equals(c.split(" ", 3)[1])).toList();
    }

    /** Stops every simulated backend. */
    @Override
    public void close() {
        backends.close();
    }

    private StateCopy copyOf(Instance instance, Snapshot base) {
        StateCopy since = null;
        if (base != null) {
            since = snapshots.get(base.snapshotId());
            if (since == null || !base.instanceId().equals(instance.instanceId())) {
                throw new IllegalArgumentException("snapshot " + base.snapshotId() + " is not a known snapshot of "
                        + instance.instanceId());
            }
        }
        if (instance.service() == null) {
            return since == null ? StateCopy.empty() : new StateCopy(since.version(), since.version(), Map.of(), Set.of());
        }
        KeyValueState state = running(instance).state();
        return since == null ? state.copyAll() : state.copySince(since.version());
    }

    private void bringUp(Instance copy, StateCopy content) {
        if (copy.service() == null) {
            return;
        }
        if (content.isFull()) {
            backends.start(copy, new KeyValueState()).state().apply(content);
        } else {
            backends.find(copy).orElseThrow(() -> new IllegalStateException("no running copy of "
                    + copy.instanceId() + " on " + copy.platformId() + " to bring up to date; restore a full "
                    + "snapshot first")).state().apply(content);
        }
    }

    private KeyValueBackend running(Instance instance) {
        return backends.find(instance).orElseThrow(() -> new IllegalStateException("instance "
                + instance.instanceId() + " on " + instance.platformId() + " is not running"));
    }

    private static void requireService(Instance instance) {
        if (instance.service() == null) {
            throw new IllegalArgumentException("instance " + instance.instanceId()
                    + " carries no service, so it serves no traffic");
        }
    }

    /** Completes {@code result} with {@code work} after {@code delay} on the scheduler, or at once when zero. */
    private <T> CompletableFuture<T> after(Duration delay, CompletableFuture<T> result, Supplier<T> work) {
        Runnable run = () -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        };
        if (delay.isZero()) {
            run.run();
        } else {
            scheduler.schedule(delay, run);
        }
        return result;
    }

    private synchronized void record(String call) {
        calls.add(call);
    }
}

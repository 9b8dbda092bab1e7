package io.arbiter.actuation;

import io.arbiter.domain.Instance;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The running simulated backends, one per placement (an instance id on a platform, so that a
 * migration's copy may keep the original's id). Starting is idempotent; stopping forgets the state.
 */
final class SimulatedBackends implements AutoCloseable {

    private final Map<String, KeyValueBackend> running = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "arbiter-sim-backend");
        t.setDaemon(true);
        return t;
    });

    /** The key a placement is known by. */
    static String placement(Instance instance) {
        return instance.instanceId() + "@" + instance.platformId();
    }

    /** The backend of {@code instance}, started with {@code state} when it was not running. */
    KeyValueBackend start(Instance instance, KeyValueState state) {
        return running.computeIfAbsent(placement(instance),
                key -> KeyValueBackend.start(instance.instanceId(), state, threads));
    }

    /** The running backend of {@code instance}, if any. */
    Optional<KeyValueBackend> find(Instance instance) {
        return Optional.ofNullable(running.get(placement(instance)));
    }

    /** Stops the backend of {@code instance}, if it runs. */
    void stop(Instance instance) {
        KeyValueBackend backend = running.remove(placement(instance));
        if (backend != null) {
            backend.close();
        }
    }

    /** Stops every backend. */
    @Override
    public void close() {
        running.values().forEach(KeyValueBackend::close);
        running.clear();
        threads.shutdownNow();
    }
}

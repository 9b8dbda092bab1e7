package io.arbiter.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import io.arbiter.domain.Instance;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Instances as they are registered on the platforms this member owns, whichever member took the
 * {@code instance.started} event: an instance's entry lives in its platform's partition, so the
 * platform's owner (the member that decides for it and runs its migrations) hears of it here.
 */
public final class OwnedInstances {

    private final IMap<InstanceKey, Instance> instances;
    private final Executor executor;

    OwnedInstances(HazelcastInstance hz, Executor executor) {
        this.instances = hz.getMap(GridMaps.INSTANCES);
        this.executor = executor;
    }

    /**
     * Calls {@code listener} with each instance registered from now on on a platform whose partition
     * this member owns, on the grid's threads (never on Hazelcast's event threads).
     */
    public void onRegistered(Consumer<Instance> listener) {
        instances.addLocalEntryListener((EntryAddedListener<InstanceKey, Instance>) added ->
                executor.execute(() -> listener.accept(added.getValue())));
    }
}

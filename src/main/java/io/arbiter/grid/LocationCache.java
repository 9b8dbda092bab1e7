package io.arbiter.grid;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapEvent;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.map.listener.MapClearedListener;
import com.hazelcast.map.listener.MapEvictedListener;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This member's copy of where instances run ({@link InstanceLocation}, by instance id), for the
 * lookup every usage sample needs: locations already known are answered at once on the caller's
 * thread, without a call into the grid; the others are read from the grid (off the caller's
 * thread) and kept.
 *
 * <p>A location changes only when an instance id is started again elsewhere. Any member's change
 * to the grid's map reaches every member's copy as an event and drops the location there; until it
 * arrives, a member may still name the old platform, as Hazelcast's own near cache would. A
 * location read from the grid while such an event arrived is not kept, so a late read never
 * brings back one that was dropped. The copy holds at most {@value #MOST} locations and starts
 * again beyond (about 150 bytes each).
 */
final class LocationCache {

    static final int MOST = 2_000_000;

    private final IMap<String, InstanceLocation> locations;
    private final Executor executor;
    private final Map<String, InstanceLocation> known = new ConcurrentHashMap<>();
    /** Counts the locations dropped: a read that saw it move while under way keeps nothing. */
    private final AtomicLong dropped = new AtomicLong();

    LocationCache(IMap<String, InstanceLocation> locations, Executor executor) {
        this.locations = locations;
        this.executor = executor;
        locations.addEntryListener(new Dropper(), false);
    }

    /** The locations of those of {@code ids} that were ever started. */
    CompletionStage<Map<String, InstanceLocation>> locate(Collection<String> ids) {
        Map<String, InstanceLocation> found = new HashMap<>(ids.size() * 2);
        Set<String> missing = null;
        for (String id : ids) {
            InstanceLocation at = known.get(id);
            if (at != null) {
                found.put(id, at);
            } else {
                if (missing == null) {
                    missing = new HashSet<>();
                }
                missing.add(id);
            }
        }
        if (missing == null) {
            return CompletableFuture.completedFuture(found);
        }
        Set<String> toRead = missing;
        long droppedBefore = dropped.get();
        return CompletableFuture.supplyAsync(() -> locations.getAll(toRead), executor).thenApply(read -> {
            if (dropped.get() == droppedBefore) {
                keepAll(read);
            }
            found.putAll(read);
            return found;
        });
    }

    /** Keeps a location this member has just written. */
    void wrote(String instanceId, InstanceLocation at) {
        dropped.incrementAndGet();
        known.remove(instanceId);
        keepAll(Map.of(instanceId, at));
    }

    private void keepAll(Map<String, InstanceLocation> read) {
        if (known.size() + read.size() > MOST) {
            known.clear();
        }
        known.putAll(read);
    }

    private void drop(String instanceId) {
        dropped.incrementAndGet();
        known.remove(instanceId);
    }

    private void dropAll() {
        dropped.incrementAndGet();
        known.clear();
    }

    /** Drops a location when any member changes or removes it in the grid. */
    private final class Dropper implements EntryUpdatedListener<String, InstanceLocation>,
            EntryRemovedListener<String, InstanceLocation>, EntryEvictedListener<String, InstanceLocation>,
            EntryExpiredListener<String, InstanceLocation>, MapClearedListener, MapEvictedListener {

        @Override
        public void entryUpdated(EntryEvent<String, InstanceLocation> event) {
            drop(event.getKey());
        }

        @Override
        public void entryRemoved(EntryEvent<String, InstanceLocation> event) {
            drop(event.getKey());
        }

        @Override
        public void entryEvicted(EntryEvent<String, InstanceLocation> event) {
            drop(event.getKey());
        }

        @Override
        public void entryExpired(EntryEvent<String, InstanceLocation> event) {
            drop(event.getKey());
        }

        @Override
        public void mapCleared(MapEvent event) {
            dropAll();
        }

        @Override
        public void mapEvicted(MapEvent event) {
            dropAll();
        }
    }
}

package io.arbiter.grid;

import com.hazelcast.map.IMap;
import io.arbiter.domain.Event;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * De-duplication by event id. A batch first claims its ids (pending, for a short time); the ids it
 * won are applied, then marked accepted for the de-duplication window (the map's time to live).
 * An id repeated inside one batch is a duplicate from its second occurrence on.
 */
final class EventClaims {

    private final IMap<String, Byte> ids;
    private final PartitionGroups partitions;
    private final ClaimEventId claim;

    EventClaims(IMap<String, Byte> ids, PartitionGroups partitions, Duration pending) {
        this.ids = ids;
        this.partitions = partitions;
        this.claim = new ClaimEventId(pending.toMillis());
    }

    /** Claims the batch's ids; answers the ids this batch won. */
    CompletionStage<Set<String>> claim(List<Event> events) {
        Set<String> distinct = new LinkedHashSet<>();
        events.forEach(e -> distinct.add(e.id()));
        return partitions.submit(ids, distinct, claim).thenApply(results -> {
            Set<String> won = new HashSet<>();
            results.forEach((id, claimed) -> {
                if (Boolean.TRUE.equals(claimed)) {
                    won.add(id);
                }
            });
            return won;
        });
    }

    /** Marks applied ids accepted for the whole de-duplication window. */
    CompletionStage<Void> accept(Set<String> applied) {
        if (applied.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Map<String, Byte> accepted = new HashMap<>(applied.size() * 2);
        applied.forEach(id -> accepted.put(id, ClaimEventId.ACCEPTED));
        return ids.putAllAsync(accepted);
    }

    /** Gives up claims after a failure, so that a re-send is applied. */
    void release(Set<String> claimed) {
        claimed.forEach(ids::removeAsync);
    }
}

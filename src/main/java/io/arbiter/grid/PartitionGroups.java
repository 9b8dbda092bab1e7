package io.arbiter.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionService;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Runs an entry processor over many keys with one operation per partition.
 * {@link IMap#submitToKeys} hands the whole key set to the operation of every partition it
 * touches, and each operation looks up every key: its cost grows with keys × partitions (a batch
 * of 1,000 event ids spread over 271 partitions made 271,000 lookups). Grouped first, each
 * partition sees only its own keys. A call that spans partitions also costs several single-key
 * calls, so partitions with only a few keys get one {@code submitToKey} per key instead.
 */
final class PartitionGroups {

    /** Below this many keys in a partition, one call per key is cheaper than one for the partition. */
    static final int FEW_KEYS = 4;

    /** Partition keys remembered at most; the memo starts again beyond. */
    private static final int MOST_REMEMBERED = 1 << 16;

    private final PartitionService partitions;
    private final int count;
    /** The partition of each partition key met: finding it serializes and hashes the key. */
    private final Map<String, Integer> byPartitionKey = new ConcurrentHashMap<>();

    PartitionGroups(PartitionService partitions) {
        this.partitions = partitions;
        this.count = partitions.getPartitions().size();
    }

    /** The partition that owns {@code key}. */
    int partitionOf(Object key) {
        return partitions.getPartition(key).getPartitionId();
    }

    /**
     * The partition that owns the key {@code partitionKey}, and every key whose partition key it is
     * (such as an {@link InstanceKey} of that platform); remembered, as a key's partition never
     * changes while the cluster runs.
     */
    int partitionOfKey(String partitionKey) {
        Integer known = byPartitionKey.get(partitionKey);
        if (known == null) {
            if (byPartitionKey.size() >= MOST_REMEMBERED) {
                byPartitionKey.clear();
            }
            known = partitionOf(partitionKey);
            byPartitionKey.put(partitionKey, known);
        }
        return known;
    }

    /** How many partitions the cluster has. */
    int count() {
        return count;
    }

    /** {@code keys} by owning partition, each group in the keys' order. */
    <K> Map<Integer, Set<K>> group(Collection<K> keys) {
        Map<Integer, Set<K>> groups = new HashMap<>();
        for (K key : keys) {
            groups.computeIfAbsent(partitionOf(key), p -> new LinkedHashSet<>()).add(key);
        }
        return groups;
    }

    /**
     * The values of those of {@code keys} that are in {@code map}, read with one call per partition
     * ({@link IMap#getAll} would send every key to every partition it touches, each of which then
     * hashes them all to find its own).
     */
    <K, V> CompletionStage<Map<K, V>> read(IMap<K, V> map, Collection<K> keys) {
        if (keys.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return submit(map, keys, new ReadEntry<>()).thenApply(found -> {
            Map<K, V> present = new HashMap<>();
            found.forEach((k, v) -> {
                if (v != null) {
                    present.put(k, v);
                }
            });
            return present;
        });
    }

    /** Runs {@code processor} on each of {@code keys}, one call per partition; answers every key's result. */
    <K, V, R> CompletionStage<Map<K, R>> submit(IMap<K, V> map, Collection<K> keys, EntryProcessor<K, V, R> processor) {
        return submit(map, group(keys), partition -> processor);
    }

    /** Runs on each group of keys (by partition, as {@link #group} makes them) the processor made for its partition. */
    <K, V, R> CompletionStage<Map<K, R>> submit(IMap<K, V> map, Map<Integer, Set<K>> groups,
                                                IntFunction<EntryProcessor<K, V, R>> processorFor) {
        List<CompletableFuture<Map<K, R>>> calls = new ArrayList<>();
        for (Map.Entry<Integer, Set<K>> entry : groups.entrySet()) {
            Set<K> group = entry.getValue();
            EntryProcessor<K, V, R> processor = processorFor.apply(entry.getKey());
            if (group.size() < FEW_KEYS) {
                group.forEach(key -> calls.add(map.submitToKey(key, processor).toCompletableFuture()
                        .thenApply(result -> Collections.singletonMap(key, result))));
            } else {
                calls.add(map.submitToKeys(group, processor).toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<K, R> results = new HashMap<>();
            calls.forEach(call -> results.putAll(call.join()));
            return results;
        });
    }
}

package io.arbiter.grid;

import com.hazelcast.partition.PartitionAware;

import java.util.Objects;

/**
 * The key of an item that belongs to an owner and lives in the owner's partition: a client's
 * invoice or demand signal, a platform's contention.
 */
public record ItemKey(String owner, String item) implements PartitionAware<String> {

    public ItemKey {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(item, "item");
    }

    @Override
    public String getPartitionKey() {
        return owner;
    }
}

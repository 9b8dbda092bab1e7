package io.arbiter.grid;

import com.hazelcast.partition.PartitionAware;

import java.util.Objects;

/** The key of an instance's entries: partitioned by its platform, so a platform's data shares a partition. */
public record InstanceKey(String instanceId, String platformId) implements PartitionAware<String> {

    public InstanceKey {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(platformId, "platformId");
    }

    @Override
    public String getPartitionKey() {
        return platformId;
    }
}

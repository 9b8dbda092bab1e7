package io.arbiter.grid;

import com.hazelcast.partition.PartitionAware;

import java.util.Objects;

/** The key of one of a client's items (an invoice, a demand signal): partitioned by the client. */
public record ClientItemKey(String clientId, String item) implements PartitionAware<String> {

    public ClientItemKey {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(item, "item");
    }

    @Override
    public String getPartitionKey() {
        return clientId;
    }
}

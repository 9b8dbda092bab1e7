package io.arbiter.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

import java.util.function.Supplier;

/** Compact form of an object without state, such as an entry processor without parameters: no fields. */
final class StatelessSerializer<T> implements CompactSerializer<T> {

    private final Class<T> type;
    private final String typeName;
    private final Supplier<T> instance;

    StatelessSerializer(Class<T> type, String typeName, Supplier<T> instance) {
        this.type = type;
        this.typeName = typeName;
        this.instance = instance;
    }

    @Override
    public T read(CompactReader in) {
        return instance.get();
    }

    @Override
    public void write(CompactWriter out, T object) {
        // no state
    }

    @Override
    public String getTypeName() {
        return typeName;
    }

    @Override
    public Class<T> getCompactClass() {
        return type;
    }
}

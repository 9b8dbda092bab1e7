package io.arbiter.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.arbiter.domain.Endpoint;
import io.arbiter.domain.Route;

/** Compact serializer of the route table's values: the route's fields, flat, and the revision. */
final class RouteSerializer implements CompactSerializer<RouteEntry> {

    @Override
    public RouteEntry read(CompactReader in) {
        Route route = new Route(in.readString("service"), in.readString("instanceId"),
                new Endpoint(in.readString("host"), in.readInt32("port")), in.readBoolean("paused"));
        return new RouteEntry(route, in.readInt64("revision"));
    }

    @Override
    public void write(CompactWriter out, RouteEntry entry) {
        Route route = entry.route();
        out.writeString("service", route.service());
        out.writeString("instanceId", route.instanceId());
        out.writeString("host", route.endpoint().host());
        out.writeInt32("port", route.endpoint().port());
        out.writeBoolean("paused", route.paused());
        out.writeInt64("revision", entry.revision());
    }

    @Override
    public String getTypeName() {
        return "arbiter.RouteEntry";
    }

    @Override
    public Class<RouteEntry> getCompactClass() {
        return RouteEntry.class;
    }
}

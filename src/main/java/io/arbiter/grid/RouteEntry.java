package io.arbiter.grid;

import io.arbiter.domain.Route;

import java.util.Objects;

/**
 * A service's route as the grid holds it, with a revision that grows with every write of the
 * service's route, so that a member can tell a late change notice from a newer one.
 */
public record RouteEntry(Route route, long revision) {

    public RouteEntry {
        Objects.requireNonNull(route, "route");
    }

    /** The service the route is for. */
    public String service() {
        return route.service();
    }
}

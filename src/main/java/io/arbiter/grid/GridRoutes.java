package io.arbiter.grid;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.arbiter.domain.Route;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The route table, shared by every member: service name to the {@link Route} in force, each write
 * raising the service's revision. Changes are compare-and-set, so concurrent writers never lose
 * one another's; every member's listeners hear every change. Under the cluster configuration's
 * split-brain protection, a member on the minority side reads the table but may not change it: its
 * writes fail with {@link MinorityException}, so only the side that decides switches traffic.
 */
public final class GridRoutes {

    private final IMap<String, RouteEntry> routes;
    private final Executor executor;
    private final GridOwnership ownership;

    GridRoutes(HazelcastInstance hz, Executor executor, GridOwnership ownership) {
        this.routes = hz.getMap(GridMaps.ROUTES);
        this.executor = executor;
        this.ownership = ownership;
    }

    /** The route in force for {@code service}, if it has one. */
    public CompletionStage<Optional<RouteEntry>> route(String service) {
        return routes.getAsync(service).thenApplyAsync(Optional::ofNullable, executor);
    }

    /** Every route, as this member reads them now. */
    public CompletionStage<List<RouteEntry>> all() {
        return CompletableFuture.supplyAsync(() -> List.copyOf(routes.values()), executor);
    }

    /** Puts {@code route} in force unless the service has a route already; answers the one in force. */
    public CompletionStage<RouteEntry> putIfAbsent(Route route) {
        return write(route.service(), () -> {
            RouteEntry fresh = new RouteEntry(route, 1);
            RouteEntry existing = routes.putIfAbsent(route.service(), fresh);
            return existing == null ? fresh : existing;
        });
    }

    /**
     * Replaces the route of {@code service} with {@code change} applied to the one in force (null
     * when there is none), retrying when another member wrote in between. Answers the entry written;
     * fails with {@link IllegalArgumentException} when {@code change} answers null.
     */
    public CompletionStage<RouteEntry> update(String service, UnaryOperator<Route> change) {
        return write(service, () -> {
            while (true) {
                RouteEntry current = routes.get(service);
                Route next = change.apply(current == null ? null : current.route());
                if (next == null) {
                    throw new IllegalArgumentException("no route for service '" + service + "'");
                }
                if (!next.service().equals(service)) {
                    throw new IllegalArgumentException("route for '" + next.service() + "' written under '"
                            + service + "'");
                }
                if (current == null) {
                    RouteEntry fresh = new RouteEntry(next, 1);
                    if (routes.putIfAbsent(service, fresh) == null) {
                        return fresh;
                    }
                } else {
                    RouteEntry fresh = new RouteEntry(next, current.revision() + 1);
                    if (routes.replace(service, current, fresh)) {
                        return fresh;
                    }
                }
            }
        });
    }

    /** Runs a change of {@code service}'s route on the grid's threads; the minority's refusal says so. */
    private CompletionStage<RouteEntry> write(String service, Supplier<RouteEntry> change) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return change.get();
            } catch (SplitBrainProtectionException e) {
                throw ownership.refusal("refusing to change the route of service '" + service + "'");
            }
        }, executor);
    }

    /** Calls {@code onChange} with every route written from now on, by any member. */
    public void onChange(Consumer<RouteEntry> onChange) {
        routes.addEntryListener(new Listener(onChange, executor), true);
    }

    private record Listener(Consumer<RouteEntry> onChange, Executor executor)
            implements EntryAddedListener<String, RouteEntry>, EntryUpdatedListener<String, RouteEntry> {
        @Override
        public void entryAdded(EntryEvent<String, RouteEntry> event) {
            executor.execute(() -> onChange.accept(event.getValue()));
        }

        @Override
        public void entryUpdated(EntryEvent<String, RouteEntry> event) {
            executor.execute(() -> onChange.accept(event.getValue()));
        }
    }
}

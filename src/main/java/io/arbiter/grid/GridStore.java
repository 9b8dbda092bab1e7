package io.arbiter.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.arbiter.domain.Client;
import io.arbiter.domain.Contention;
import io.arbiter.domain.DemandSignal;
import io.arbiter.domain.Event;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceKind;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.Payment;
import io.arbiter.domain.Platform;
import io.arbiter.domain.PlatformView;
import io.arbiter.domain.Resources;
import io.arbiter.domain.ShadowSlot;
import io.arbiter.domain.UsageAggregate;
import io.arbiter.domain.UsageSample;
import io.arbiter.domain.ClientForecast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Arbiter's state in the grid: applies batches of validated events exactly once per event id, and
 * answers reads. Every method is asynchronous; writes are batched per partition.
 */
public final class GridStore {

    /** How long a claimed event id stays pending before a re-send may apply it again. */
    private static final Duration PENDING_CLAIM = Duration.ofSeconds(60);

    private final PartitionGroups partitions;
    private final IMap<String, Platform> platforms;
    private final IMap<String, Client> clients;
    private final IMap<InstanceKey, Instance> instances;
    private final IMap<String, String> locations;
    private final IMap<InstanceKey, UsageAggregate> usage;
    private final IMap<String, ClientForecast> forecasts;
    private final IMap<ClientItemKey, Payment> payments;
    private final IMap<ClientItemKey, DemandSignal> demand;
    private final IMap<String, ShadowSlot> shadowSlots;
    private final IMap<String, Contention> contentions;
    private final EventClaims claims;
    private final GroupCommit usageCommits = new GroupCommit(this::applyNow);
    /** Blocking queries run here, off the callers' threads. */
    private final ExecutorService queries = daemonPool(2, "arbiter-grid-query");
    /**
     * Continuations run here: never on Hazelcast's partition threads, which may not start
     * operations on other partitions, nor on the callers' event loops.
     */
    private final ExecutorService async = daemonPool(4, "arbiter-grid-async");

    GridStore(HazelcastInstance hz, GridOptions options) {
        partitions = new PartitionGroups(hz.getPartitionService());
        platforms = hz.getMap(GridMaps.PLATFORMS);
        clients = hz.getMap(GridMaps.CLIENTS);
        instances = hz.getMap(GridMaps.INSTANCES);
        locations = hz.getMap(GridMaps.INSTANCE_LOCATIONS);
        usage = hz.getMap(GridMaps.USAGE);
        forecasts = hz.getMap(GridMaps.FORECASTS);
        payments = hz.getMap(GridMaps.PAYMENTS);
        demand = hz.getMap(GridMaps.DEMAND);
        shadowSlots = hz.getMap(GridMaps.SHADOW_SLOTS);
        contentions = hz.getMap(GridMaps.CONTENTIONS);
        claims = new EventClaims(hz.getMap(GridMaps.EVENT_IDS), partitions, PENDING_CLAIM);
    }

    // ---- references -------------------------------------------------------------------------

    /** The platforms among {@code ids} that are registered. */
    public CompletionStage<Set<String>> knownPlatforms(Set<String> ids) {
        return existing(platforms, ids);
    }

    /** The clients among {@code ids} that are registered. */
    public CompletionStage<Set<String>> knownClients(Set<String> ids) {
        return existing(clients, ids);
    }

    /** Instance id to platform id, for those among {@code ids} that were ever started. */
    public CompletionStage<Map<String, String>> instanceLocations(Set<String> ids) {
        List<CompletableFuture<Map.Entry<String, String>>> lookups = new ArrayList<>(ids.size());
        for (String id : ids) {
            lookups.add(locations.getAsync(id).toCompletableFuture().thenApply(p -> p == null ? null : Map.entry(id, p)));
        }
        return off(CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new))).thenApply(v -> {
            Map<String, String> found = new HashMap<>();
            lookups.forEach(f -> {
                Map.Entry<String, String> e = f.join();
                if (e != null) {
                    found.put(e.getKey(), e.getValue());
                }
            });
            return found;
        });
    }

    private <V> CompletionStage<Set<String>> existing(IMap<String, V> map, Set<String> ids) {
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(Set.of());
        }
        return off(partitions.submit(map, ids, new ReadEntry<>())).thenApply(found -> {
            Set<String> present = new LinkedHashSet<>();
            found.forEach((k, v) -> {
                if (v != null) {
                    present.add(k);
                }
            });
            return present;
        });
    }

    // ---- writes -----------------------------------------------------------------------------

    /**
     * Applies the events that were not accepted before, and answers those it applied (the others
     * are duplicates). Events other than usage are applied in their order; usage samples are
     * folded into their instances' aggregates in one operation per partition. When applying fails,
     * the claims are released so that a re-send is applied. Batches of usage alone, the bulk of
     * the traffic, are applied by group commit: together with the others that wait meanwhile.
     *
     * @param events validated events whose references resolve
     * @param locationOf the platform of each instance that usage or stop events name, including
     *                   instances started in this batch
     */
    public CompletionStage<List<Event>> apply(List<Event> events, Map<String, String> locationOf) {
        boolean usageOnly = events.stream().allMatch(e -> e instanceof Event.UsageReported);
        return usageOnly ? usageCommits.apply(events, locationOf) : applyNow(events, locationOf);
    }

    private CompletionStage<List<Event>> applyNow(List<Event> events, Map<String, String> locationOf) {
        return off(claims.claim(events)).thenCompose(claimed -> {
            Set<String> unapplied = new HashSet<>(claimed);
            List<Event> fresh = events.stream().filter(e -> unapplied.remove(e.id())).toList();
            return applyFresh(fresh, locationOf)
                    .thenCompose(v -> off(claims.accept(claimed)))
                    .handle((v, failure) -> {
                        if (failure != null) {
                            claims.release(claimed);
                            throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
                        }
                        return fresh;
                    });
        });
    }

    private CompletionStage<Void> applyFresh(List<Event> fresh, Map<String, String> locationOf) {
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        List<UsageSample> samples = new ArrayList<>();
        for (Event event : fresh) {
            if (event instanceof Event.UsageReported u) {
                samples.add(u.sample());
            } else {
                chain = chain.thenCompose(v -> applyOne(event, locationOf));
            }
        }
        return chain.thenCompose(v -> applyUsage(samples, locationOf));
    }

    private CompletionStage<Void> applyOne(Event event, Map<String, String> locationOf) {
        if (event instanceof Event.PlatformRegistered e) {
            return off(platforms.setAsync(e.platform().platformId(), e.platform()));
        } else if (event instanceof Event.ClientRegistered e) {
            return off(clients.setAsync(e.client().clientId(), e.client()));
        } else if (event instanceof Event.ClientUpdated e) {
            return off(clients.getAsync(e.clientId()))
                    .thenCompose(c -> off(clients.setAsync(e.clientId(), c.updated(e.name(), e.slaTier()))));
        } else if (event instanceof Event.InstanceStarted e) {
            Instance i = e.instance();
            return off(locations.setAsync(i.instanceId(), i.platformId()))
                    .thenCompose(v -> off(instances.setAsync(new InstanceKey(i.instanceId(), i.platformId()), i)));
        } else if (event instanceof Event.InstanceStopped e) {
            InstanceKey key = new InstanceKey(e.instanceId(), locationOf.get(e.instanceId()));
            return off(instances.getAsync(key)).thenCompose(i -> i == null
                    ? CompletableFuture.completedFuture(null)
                    : off(instances.setAsync(key, i.withState(InstanceState.STOPPED))));
        } else if (event instanceof Event.ForecastReported e) {
            return off(forecasts.setAsync(e.forecast().clientId(), e.forecast()));
        } else if (event instanceof Event.PaymentReported e) {
            return off(payments.setAsync(new ClientItemKey(e.payment().clientId(), e.payment().invoiceId()), e.payment()));
        } else if (event instanceof Event.DemandReported e) {
            return off(demand.setAsync(new ClientItemKey(e.signal().clientId(), e.signal().signal()), e.signal()));
        } else if (event instanceof Event.ShadowRegistered e) {
            return off(shadowSlots.setAsync(e.slot().slotId(), e.slot()));
        } else if (event instanceof Event.ContentionReported e) {
            return off(contentions.setAsync(e.id(), e.contention()));
        }
        throw new IllegalArgumentException("not applied one by one: " + event.type().wire());
    }

    private CompletionStage<Void> applyUsage(List<UsageSample> samples, Map<String, String> locationOf) {
        if (samples.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Map<Integer, List<UsageSample>> byPartition = new HashMap<>();
        Map<Integer, Set<InstanceKey>> keysByPartition = new HashMap<>();
        for (UsageSample s : samples) {
            InstanceKey key = new InstanceKey(s.instanceId(), locationOf.get(s.instanceId()));
            int partition = partitions.partitionOf(key);
            byPartition.computeIfAbsent(partition, p -> new ArrayList<>()).add(s);
            keysByPartition.computeIfAbsent(partition, p -> new LinkedHashSet<>()).add(key);
        }
        return off(partitions.submit(usage, keysByPartition, partition -> new UsageBatch(byPartition.get(partition))))
                .thenApply(done -> null);
    }

    // ---- reads ------------------------------------------------------------------------------

    /** A registered platform. */
    public CompletionStage<Optional<Platform>> platform(String platformId) {
        return off(platforms.getAsync(platformId)).thenApply(Optional::ofNullable);
    }

    /** A registered platform with what its instances hold, or empty when unknown. */
    public CompletionStage<Optional<PlatformView>> platformView(String platformId) {
        return platform(platformId).thenCompose(p -> p.isEmpty()
                ? CompletableFuture.completedFuture(Optional.<PlatformView>empty())
                : instancesOn(platformId).thenApply(list -> Optional.of(view(p.get(), list))));
    }

    /** The instances on a platform, in any state, read from the platform's partition only. */
    public CompletionStage<Collection<Instance>> instancesOn(String platformId) {
        return CompletableFuture.supplyAsync(() -> instances.values(
                Predicates.partitionPredicate(platformId, Predicates.equal("platformId", platformId))), queries);
    }

    private static PlatformView view(Platform platform, Collection<Instance> instances) {
        Resources allocated = Resources.ZERO;
        int interruptible = 0;
        int uninterruptible = 0;
        for (Instance i : instances) {
            if (i.state().holdsResources()) {
                allocated = allocated.plus(i.resources());
                if (i.kind() == InstanceKind.INTERRUPTIBLE) {
                    interruptible++;
                } else {
                    uninterruptible++;
                }
            }
        }
        return new PlatformView(platform, allocated, platform.capacity().minusClamped(allocated), interruptible,
                uninterruptible);
    }

    /** An instance by id. */
    public CompletionStage<Optional<Instance>> instance(String instanceId) {
        return off(locations.getAsync(instanceId)).thenCompose(platformId -> platformId == null
                ? CompletableFuture.completedFuture(Optional.empty())
                : off(instances.getAsync(new InstanceKey(instanceId, platformId))).thenApply(Optional::ofNullable));
    }

    /** An instance's usage aggregate, or empty before its first sample. */
    public CompletionStage<Optional<UsageAggregate>> usage(Instance instance) {
        return off(usage.getAsync(new InstanceKey(instance.instanceId(), instance.platformId()))).thenApply(Optional::ofNullable);
    }

    /** A registered client. */
    public CompletionStage<Optional<Client>> client(String clientId) {
        return off(clients.getAsync(clientId)).thenApply(Optional::ofNullable);
    }

    void close() {
        queries.shutdownNow();
        async.shutdownNow();
    }

    /** {@code stage}, completing on this store's own threads. */
    private <T> CompletionStage<T> off(CompletionStage<T> stage) {
        return stage.thenApplyAsync(value -> value, async);
    }

    private static ExecutorService daemonPool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}

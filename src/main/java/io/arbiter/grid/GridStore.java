package io.arbiter.grid;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.partition.PartitionService;
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
import io.arbiter.scoring.ClientUsage;
import io.arbiter.scoring.DecaySpec;
import io.arbiter.scoring.UsageSource;
import io.arbiter.scoring.UsageSummary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * Arbiter's state in the grid: applies batches of validated events exactly once per event id, and
 * answers reads. Every method is asynchronous; writes are batched per partition.
 */
public final class GridStore implements UsageSource {

    /** How long a claimed event id stays pending before a re-send may apply it again. */
    private static final Duration PENDING_CLAIM = Duration.ofSeconds(60);

    private final PartitionGroups partitions;
    private final PartitionService partitionService;
    private final IMap<String, Platform> platforms;
    private final IMap<String, Client> clients;
    private final IMap<InstanceKey, Instance> instances;
    private final IMap<String, InstanceChangeLog> instanceChanges;
    private final IMap<String, InstanceLocation> locations;
    private final LocationCache locationCache;
    private final IMap<InstanceKey, InstanceUsage> usage;
    private final IMap<String, ClientUsage> clientUsage;
    private volatile Duration usageHalfLife = Duration.ofHours(12);
    private final IMap<String, ClientForecast> forecasts;
    private final IMap<ItemKey, Payment> payments;
    private final IMap<ItemKey, DemandSignal> demand;
    private final IMap<String, ShadowSlot> shadowSlots;
    private final IMap<ItemKey, Contention> contentions;
    private final EventClaims claims;
    /** How long an accepted event id is remembered, to count re-sends as duplicates. */
    private final Duration dedupeWindow;
    private final GroupCommit usageCommits = new GroupCommit(this::applyUsage);
    /** Blocking queries run here, off the callers' threads. */
    private final ExecutorService queries = daemonPool(2, "arbiter-grid-query");
    /**
     * Continuations run here: never on Hazelcast's partition threads, which may not start
     * operations on other partitions, nor on the callers' event loops.
     */
    private final ExecutorService async = daemonPool(4, "arbiter-grid-async");

    GridStore(HazelcastInstance hz, GridOptions options) {
        partitions = new PartitionGroups(hz.getPartitionService());
        partitionService = hz.getPartitionService();
        platforms = hz.getMap(GridMaps.PLATFORMS);
        clients = hz.getMap(GridMaps.CLIENTS);
        instances = hz.getMap(GridMaps.INSTANCES);
        instanceChanges = hz.getMap(GridMaps.INSTANCE_CHANGES);
        locations = hz.getMap(GridMaps.INSTANCE_LOCATIONS);
        usage = hz.getMap(GridMaps.USAGE);
        clientUsage = hz.getMap(GridMaps.CLIENT_USAGE);
        forecasts = hz.getMap(GridMaps.FORECASTS);
        payments = hz.getMap(GridMaps.PAYMENTS);
        demand = hz.getMap(GridMaps.DEMAND);
        shadowSlots = hz.getMap(GridMaps.SHADOW_SLOTS);
        contentions = hz.getMap(GridMaps.CONTENTIONS);
        locationCache = new LocationCache(locations, queries);
        dedupeWindow = options.dedupeWindow();
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

    /**
     * Where each instance among {@code ids} that was ever started runs, and whose it is: answered
     * on the caller's thread from this member's copy ({@link LocationCache}) when it knows them all.
     */
    public CompletionStage<Map<String, InstanceLocation>> instanceLocations(Set<String> ids) {
        return locationCache.locate(ids);
    }

    private <V> CompletionStage<Set<String>> existing(IMap<String, V> map, Set<String> ids) {
        return off(partitions.read(map, ids)).thenApply(found -> new LinkedHashSet<>(found.keySet()));
    }

    // ---- writes -----------------------------------------------------------------------------

    /**
     * Applies the events that were not accepted before, and answers those it applied (the others
     * are duplicates). Events other than usage claim their ids ({@link EventClaims}) and are
     * applied in their order; usage samples are checked against the ids their instances remember
     * and folded into their aggregates in the same step ({@link UsageBatch}), one operation per
     * partition, then moved into their clients' usage series. When applying fails, the claims are
     * released so that a re-send is applied. Batches of usage alone, the bulk of the traffic, are
     * applied by group commit: together with the others that wait meanwhile.
     *
     * @param events validated events whose references resolve
     * @param locationOf the platform of each instance that usage or stop events name, including
     *                   instances started in this batch
     * @return for each of {@code events}, whether it was applied (false: a duplicate)
     */
    public CompletionStage<boolean[]> apply(List<Event> events, Map<String, InstanceLocation> locationOf) {
        List<Event.UsageReported> usageEvents = new ArrayList<>(events.size());
        for (Event e : events) {
            if (e instanceof Event.UsageReported u) {
                usageEvents.add(u);
            }
        }
        if (usageEvents.size() == events.size()) {
            return usageCommits.apply(usageEvents, locationOf);
        }
        List<Event> others = new ArrayList<>(events.size() - usageEvents.size());
        InstanceLocation[] at = new InstanceLocation[usageEvents.size()];
        int next = 0;
        for (Event e : events) {
            if (e instanceof Event.UsageReported u) {
                at[next++] = locationOf.get(u.sample().instanceId());
            } else {
                others.add(e);
            }
        }
        return off(claims.claim(others)).thenCompose(claimed -> {
            Set<String> unapplied = new HashSet<>(claimed);
            List<Event> fresh = others.stream().filter(e -> unapplied.remove(e.id())).toList();
            return applyInOrder(fresh, locationOf)
                    .thenCompose(v -> applyUsage(usageEvents, at))
                    .thenCompose(usageApplied -> off(claims.accept(claimed)).thenApply(v -> {
                        boolean[] applied = new boolean[events.size()];
                        Set<Event> freshOthers = Collections.newSetFromMap(new IdentityHashMap<>());
                        freshOthers.addAll(fresh);
                        int u = 0;
                        for (int i = 0; i < applied.length; i++) {
                            Event e = events.get(i);
                            applied[i] = e instanceof Event.UsageReported ? usageApplied[u++] : freshOthers.contains(e);
                        }
                        return applied;
                    }))
                    .handle((applied, failure) -> {
                        if (failure != null) {
                            claims.release(claimed);
                            throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
                        }
                        return applied;
                    });
        });
    }

    private CompletionStage<Void> applyInOrder(List<Event> fresh, Map<String, InstanceLocation> locationOf) {
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (Event event : fresh) {
            chain = chain.thenCompose(v -> applyOne(event, locationOf));
        }
        return chain;
    }

    private CompletionStage<Void> applyOne(Event event, Map<String, InstanceLocation> locationOf) {
        if (event instanceof Event.PlatformRegistered e) {
            return off(platforms.setAsync(e.platform().platformId(), e.platform()));
        } else if (event instanceof Event.ClientRegistered e) {
            return off(clients.setAsync(e.client().clientId(), e.client()));
        } else if (event instanceof Event.ClientUpdated e) {
            return off(clients.getAsync(e.clientId()))
                    .thenCompose(c -> off(clients.setAsync(e.clientId(), c.updated(e.name(), e.slaTier()))));
        } else if (event instanceof Event.InstanceStarted e) {
            Instance i = e.instance();
            InstanceLocation at = new InstanceLocation(i.platformId(), i.clientId());
            return off(locations.putAsync(i.instanceId(), at))
                    .thenCompose(before -> off(instances.setAsync(new InstanceKey(i.instanceId(), i.platformId()), i))
                            .thenApply(v -> {
                                locationCache.wrote(i.instanceId(), at);
                                return v;
                            })
                            .thenCompose(v -> instanceChanged(i.platformId(), i.instanceId(), before != null
                                    && before.platformId().equals(i.platformId())
                                    && !before.clientId().equals(i.clientId()) ? before.clientId() : null)));
        } else if (event instanceof Event.InstanceStopped e) {
            InstanceLocation at = locationOf.get(e.instanceId());
            InstanceKey key = new InstanceKey(e.instanceId(), at.platformId());
            return off(instances.getAsync(key)).thenCompose(i -> i == null
                    ? CompletableFuture.completedFuture(null)
                    : off(instances.setAsync(key, i.withState(InstanceState.STOPPED)))
                            .thenCompose(v -> instanceChanged(at.platformId(), e.instanceId(), null)))
                    .thenCompose(v -> applyClientChanges(List.of(new ApplyClientSamples.Change(at.clientId(),
                            e.instanceId(), e.time(), 0, 0, 0, true))));
        } else if (event instanceof Event.ForecastReported e) {
            return off(forecasts.setAsync(e.forecast().clientId(), e.forecast()));
        } else if (event instanceof Event.PaymentReported e) {
            return off(payments.setAsync(new ItemKey(e.payment().clientId(), e.payment().invoiceId()), e.payment()));
        } else if (event instanceof Event.DemandReported e) {
            return off(demand.setAsync(new ItemKey(e.signal().clientId(), e.signal().signal()), e.signal()));
        } else if (event instanceof Event.ShadowRegistered e) {
            return off(shadowSlots.setAsync(e.slot().slotId(), e.slot()));
        } else if (event instanceof Event.ContentionReported e) {
            return off(contentions.setAsync(new ItemKey(e.contention().platformId(), e.id()), e.contention()));
        }
        throw new IllegalArgumentException("not applied one by one: " + event.type().wire());
    }

    /**
     * Applies usage samples whose ids their instances do not remember, and answers which were
     * applied. An id met twice in {@code reported} is a duplicate from its second occurrence on,
     * whatever the instances; otherwise each instance's remembered ids decide ({@link InstanceUsage}).
     * The samples applied then move their clients' usage series.
     *
     * @param at where each sample's instance runs
     */
    private CompletionStage<boolean[]> applyUsage(List<Event.UsageReported> reported, InstanceLocation[] at) {
        int n = reported.size();
        boolean[] applied = new boolean[n];
        if (n == 0) {
            return CompletableFuture.completedFuture(applied);
        }
        Set<String> ids = new HashSet<>(n * 2);
        Map<Integer, Set<InstanceKey>> keysByPartition = new HashMap<>();
        int[] counts = new int[partitions.count()];
        int[] partitionOf = new int[n];
        for (int i = 0; i < n; i++) {
            Event.UsageReported u = reported.get(i);
            if (!ids.add(u.id())) {
                partitionOf[i] = -1;
                continue;
            }
            int partition = partitions.partitionOfKey(at[i].platformId());
            partitionOf[i] = partition;
            if (counts[partition]++ == 0) {
                keysByPartition.put(partition, new LinkedHashSet<>());
            }
            keysByPartition.get(partition).add(new InstanceKey(u.sample().instanceId(), at[i].platformId()));
        }
        Map<Integer, int[]> positionsByPartition = new HashMap<>(keysByPartition.size() * 2);
        keysByPartition.keySet().forEach(p -> positionsByPartition.put(p, new int[counts[p]]));
        int[] filled = new int[counts.length];
        for (int i = 0; i < n; i++) {
            if (partitionOf[i] >= 0) {
                positionsByPartition.get(partitionOf[i])[filled[partitionOf[i]]++] = i;
                applied[i] = true;
            }
        }
        Instant acceptedAt = Instant.now();
        return off(partitions.submit(usage, keysByPartition, partition -> new UsageBatch(reported,
                positionsByPartition.get(partition), acceptedAt, dedupeWindow))).thenCompose(results -> {
            results.values().forEach(duplicates -> {
                if (duplicates != null) {
                    for (int i : duplicates) {
                        applied[i] = false;
                    }
                }
            });
            List<ApplyClientSamples.Change> clientChanges = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (applied[i]) {
                    UsageSample s = reported.get(i).sample();
                    clientChanges.add(new ApplyClientSamples.Change(at[i].clientId(), s.instanceId(), s.time(), s.cpu(),
                            s.memoryGiB(), s.networkMbps(), false));
                }
            }
            return applyClientChanges(clientChanges).thenApply(v -> applied);
        });
    }

    /** Moves the clients' usage series, one operation per client partition. */
    private CompletionStage<Void> applyClientChanges(List<ApplyClientSamples.Change> changes) {
        if (changes.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Map<Integer, List<ApplyClientSamples.Change>> byPartition = new HashMap<>();
        Map<Integer, Set<String>> keysByPartition = new HashMap<>();
        for (ApplyClientSamples.Change c : changes) {
            int partition = partitions.partitionOfKey(c.clientId());
            byPartition.computeIfAbsent(partition, p -> new ArrayList<>()).add(c);
            keysByPartition.computeIfAbsent(partition, p -> new LinkedHashSet<>()).add(c.clientId());
        }
        Duration halfLife = usageHalfLife;
        return off(partitions.submit(clientUsage, keysByPartition,
                partition -> new ApplyClientSamples(halfLife, byPartition.get(partition)))).thenApply(done -> null);
    }

    /** Keeps clients' usage with this half-life from now on (the policy's {@code usage.halfLife}). */
    public void useHalfLife(Duration halfLife) {
        usageHalfLife = halfLife;
    }

    @Override
    public CompletionStage<Map<String, UsageSummary>> summaries(Instant now, Duration horizon, DecaySpec decay) {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, UsageSummary> all = new HashMap<>();
            clientUsage.executeOnEntries(new SummarizeUsage(now, horizon)).forEach((id, s) -> {
                if (s != null) {
                    all.put(id, s);
                }
            });
            return all;
        }, queries);
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

    /**
     * Counts a change to one of a platform's instances in the platform's change log, after the
     * change is in the grid: a reader that sees the new revision then reads the changed instance.
     */
    private CompletionStage<Void> instanceChanged(String platformId, String instanceId, String formerClient) {
        return off(instanceChanges.submitToKey(platformId, new RecordInstanceChange(instanceId, formerClient)))
                .thenApply(r -> null);
    }

    /**
     * How many times the platform's instances have changed (0 before its first instance). Read
     * before {@link #instancesOn}, it labels what that read finds: instances read after seeing
     * revision {@code r} hold every change counted up to {@code r} (a change is counted only once
     * it is in the grid), perhaps more.
     */
    public CompletionStage<Long> instanceRevision(String platformId) {
        return off(instanceChanges.submitToKey(platformId, new ReadInstanceChanges(Long.MAX_VALUE)))
                .thenApply(InstanceChangeLog.Changes::revision);
    }

    /**
     * The platform's instances changed after revision {@code since}, as they are now, and the
     * revision they bring a copy made at {@code since} to (perhaps with later changes already in);
     * not {@link ChangedInstances#complete() complete} when the platform's change log no longer
     * holds all of those changes (then read {@link #instancesOn} again).
     */
    public CompletionStage<ChangedInstances> instancesChangedSince(String platformId, long since) {
        return off(instanceChanges.submitToKey(platformId, new ReadInstanceChanges(since))).thenCompose(changes -> {
            if (changes.ids() == null) {
                return CompletableFuture.completedFuture(
                        new ChangedInstances(changes.revision(), false, List.of(), Set.of()));
            }
            Set<InstanceKey> keys = new LinkedHashSet<>();
            Set<String> formerClients = new HashSet<>();
            for (int k = 0; k < changes.ids().length; k++) {
                keys.add(new InstanceKey(changes.ids()[k], platformId));
                if (changes.formerClients()[k] != null) {
                    formerClients.add(changes.formerClients()[k]);
                }
            }
            if (keys.isEmpty()) {
                return CompletableFuture.completedFuture(
                        new ChangedInstances(changes.revision(), true, List.of(), Set.of()));
            }
            return off(partitions.read(instances, keys)).thenApply(found -> new ChangedInstances(changes.revision(),
                    true, List.copyOf(found.values()), formerClients));
        });
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

    /** A platform's running instances with their latest usage (absent before the first sample). */
    public CompletionStage<Map<Instance, UsageAggregate>> runningWithUsage(String platformId) {
        return instancesOn(platformId).thenCompose(all -> {
            Map<InstanceKey, Instance> running = new HashMap<>();
            for (Instance i : all) {
                if (i.state().holdsResources()) {
                    running.put(new InstanceKey(i.instanceId(), i.platformId()), i);
                }
            }
            return off(partitions.submit(usage, running.keySet(), new ReadAggregate())).thenApply(aggregates -> {
                Map<Instance, UsageAggregate> result = new HashMap<>();
                running.forEach((key, instance) -> result.put(instance, aggregates.get(key)));
                return result;
            });
        });
    }

    /** Usage summaries of the given clients, where they have usage. */
    public CompletionStage<Map<String, UsageSummary>> summaries(Set<String> clientIds, Instant now, Duration horizon) {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, UsageSummary> found = new HashMap<>();
            clientUsage.executeOnKeys(clientIds, new SummarizeUsage(now, horizon)).forEach((id, s) -> {
                if (s != null) {
                    found.put(id, s);
                }
            });
            return found;
        }, queries);
    }

    /** A client's usage series (a copy), or empty before its first sample. */
    public CompletionStage<Optional<ClientUsage>> clientUsage(String clientId) {
        return off(clientUsage.getAsync(clientId)).thenApply(Optional::ofNullable);
    }

    /** A client's own latest forecast, if it sent one. */
    public CompletionStage<Optional<ClientForecast>> forecast(String clientId) {
        return off(forecasts.getAsync(clientId)).thenApply(Optional::ofNullable);
    }

    /** Every registered shadow slot. */
    public CompletionStage<List<ShadowSlot>> shadowSlots() {
        return CompletableFuture.supplyAsync(() -> List.copyOf(shadowSlots.values()), queries);
    }

    /** A shadow slot by id. */
    public CompletionStage<Optional<ShadowSlot>> shadowSlot(String slotId) {
        return off(shadowSlots.getAsync(slotId)).thenApply(Optional::ofNullable);
    }

    /** Every registered platform. */
    public CompletionStage<List<Platform>> platforms() {
        return CompletableFuture.supplyAsync(() -> List.copyOf(platforms.values()), queries);
    }

    /** Moves an instance to {@code state} (for instance {@code stopping} while it shuts down); false when unknown. */
    public CompletionStage<Boolean> setState(String instanceId, InstanceState state) {
        return off(locationOf(instanceId)).thenCompose(at -> {
            if (at == null) {
                return CompletableFuture.completedFuture(false);
            }
            InstanceKey key = new InstanceKey(instanceId, at.platformId());
            return off(instances.getAsync(key)).thenCompose(i -> i == null || i.state() == InstanceState.STOPPED
                    ? CompletableFuture.completedFuture(false)
                    : off(instances.setAsync(key, i.withState(state)))
                            .thenCompose(v -> instanceChanged(at.platformId(), instanceId, null)).thenApply(v -> true));
        });
    }

    /** An instance by id. */
    public CompletionStage<Optional<Instance>> instance(String instanceId) {
        return off(locationOf(instanceId)).thenCompose(at -> at == null
                ? CompletableFuture.completedFuture(Optional.empty())
                : off(instances.getAsync(new InstanceKey(instanceId, at.platformId()))).thenApply(Optional::ofNullable));
    }

    /** Where an instance runs, or null when it was never started. */
    private CompletionStage<InstanceLocation> locationOf(String instanceId) {
        return locationCache.locate(List.of(instanceId)).thenApply(found -> found.get(instanceId));
    }

    /** An instance's usage aggregate, or empty before its first sample. */
    public CompletionStage<Optional<UsageAggregate>> usage(Instance instance) {
        return off(usage.submitToKey(new InstanceKey(instance.instanceId(), instance.platformId()), new ReadAggregate()))
                .thenApply(Optional::ofNullable);
    }

    /** A registered client. */
    public CompletionStage<Optional<Client>> client(String clientId) {
        return off(clients.getAsync(clientId)).thenApply(Optional::ofNullable);
    }

    /**
     * Calls {@code handler} with (event id, contention) for each contention stored from now on in a
     * partition this member owns: the platform's owner is the one that arbitrates it. The handler
     * runs on this store's threads, never on Hazelcast's event threads.
     */
    public void onOwnedContention(BiConsumer<String, Contention> handler) {
        contentions.addLocalEntryListener((EntryAddedListener<ItemKey, Contention>) added ->
                async.execute(() -> handler.accept(added.getKey().item(), added.getValue())));
    }

    /**
     * The contentions reported on platforms whose partition this member owns and not yet marked
     * decided, by event id. After a member dies, its platforms' pending contentions are found here
     * by their new owners (the entries live in the platform's partition, backed up in another zone).
     */
    public CompletionStage<Map<String, Contention>> pendingOwnedContentions() {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, Contention> pending = new HashMap<>();
            contentions.getAll(contentions.localKeySet()).forEach((key, c) -> pending.put(key.item(), c));
            return pending;
        }, queries);
    }

    /** Stores a contention Arbiter raised itself as pending, for its platform's owner to decide. */
    public CompletionStage<Void> raiseContention(String triggerId, Contention contention) {
        return off(contentions.setAsync(new ItemKey(contention.platformId(), triggerId), contention));
    }

    /** Marks a contention decided: it is no longer pending for its platform's owner. */
    public CompletionStage<Void> contentionDecided(String platformId, String eventId) {
        return off(contentions.deleteAsync(new ItemKey(platformId, eventId))).thenApply(v -> null);
    }

    /** True when this member owns platform {@code platformId}'s partition, and so arbitrates it. */
    public boolean ownsPlatform(String platformId) {
        Member owner = partitionService.getPartition(platformId).getOwner();
        return owner != null && owner.localMember();
    }

    void close() {
        queries.shutdownNow();
        async.shutdownNow();
    }

    /** {@code stage}, completing on this store's own threads. */
    private <T> CompletionStage<T> off(CompletionStage<T> stage) {
        return stage.thenApplyAsync(value -> value, async);
    }

    static ExecutorService daemonPool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}

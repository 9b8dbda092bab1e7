package io.arbiter.grid;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.arbiter.domain.ClientScore;
import io.arbiter.domain.InterruptionStanding;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Client scores and interruption standings in force, the id of the scoring pass that wrote last,
 * and the policy document in force, shared by every member: a score written by the member that
 * computed it is read by all; a policy put by one member reaches the others' listeners.
 */
public final class GridScores {

    private static final String CURRENT = "current";
    private static final String LATEST = "latest";

    private final IMap<String, ClientScore> scores;
    private final IMap<String, String> policy;
    private final IMap<String, InterruptionStanding> standings;
    private final IMap<String, String> passes;
    private final Executor executor;
    private final PartitionGroups partitions;

    GridScores(HazelcastInstance hz, Executor executor) {
        this.partitions = new PartitionGroups(hz.getPartitionService());
        this.scores = hz.getMap(GridMaps.SCORES);
        this.policy = hz.getMap(GridMaps.POLICY);
        this.standings = hz.getMap(GridMaps.STANDINGS);
        this.passes = hz.getMap(GridMaps.SCORE_PASSES);
        this.executor = executor;
    }

    /** Every client's score in force, by client id. */
    public CompletionStage<Map<String, ClientScore>> all() {
        return CompletableFuture.supplyAsync(() -> new HashMap<>(scores), executor);
    }

    /** One client's score, if computed. */
    public CompletionStage<Optional<ClientScore>> score(String clientId) {
        return scores.getAsync(clientId).thenApplyAsync(Optional::ofNullable, executor);
    }

    /** Scores of some clients, by id; clients without one are absent. */
    public CompletionStage<Map<String, ClientScore>> scores(Collection<String> clientIds) {
        return partitions.read(scores, new HashSet<>(clientIds)).thenApplyAsync(found -> found, executor);
    }

    /** The {@code limit} clients of lowest CVS, lowest first (ties by client id). */
    public CompletionStage<List<ClientScore>> lowest(int limit) {
        return CompletableFuture.supplyAsync(() -> scores.values().stream()
                .sorted(Comparator.comparingDouble(ClientScore::cvs).thenComparing(ClientScore::clientId))
                .limit(limit).toList(), executor);
    }

    /** Writes changed scores. */
    public CompletionStage<Void> putAll(Map<String, ClientScore> changed) {
        if (changed.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return scores.putAllAsync(changed).thenApplyAsync(v -> null, executor);
    }

    /** Writes the clients' interruption standings. */
    public CompletionStage<Void> putStandings(Map<String, InterruptionStanding> all) {
        if (all.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return standings.putAllAsync(all).thenApplyAsync(v -> null, executor);
    }

    /** The standings of some clients, by id; clients without one are absent. */
    public CompletionStage<Map<String, InterruptionStanding>> standings(Collection<String> clientIds) {
        return partitions.read(standings, new HashSet<>(clientIds)).thenApplyAsync(found -> found, executor);
    }

    /** Names {@code passId} the scoring pass that last wrote its scores, on any member. */
    public CompletionStage<Void> markLatestPass(String passId) {
        return passes.setAsync(LATEST, passId).thenApplyAsync(v -> null, executor);
    }

    /** The id of the scoring pass that last wrote its scores, on any member; empty before the first. */
    public CompletionStage<Optional<String>> latestPass() {
        return passes.getAsync(LATEST).thenApplyAsync(Optional::ofNullable, executor);
    }

    /** The policy document in force cluster-wide (its JSON), if one was ever put. */
    public Optional<String> policyJson() {
        return Optional.ofNullable(policy.get(CURRENT));
    }

    /** Puts the policy document in force cluster-wide. */
    public void putPolicy(String json) {
        policy.set(CURRENT, json);
    }

    /** Calls {@code onChange} with the policy JSON whenever any member puts a new one. */
    public void onPolicyChange(Consumer<String> onChange) {
        policy.addEntryListener(new PolicyListener(onChange, executor), true);
    }

    private record PolicyListener(Consumer<String> onChange, Executor executor)
            implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String> {
        @Override
        public void entryAdded(EntryEvent<String, String> event) {
            executor.execute(() -> onChange.accept(event.getValue()));
        }

        @Override
        public void entryUpdated(EntryEvent<String, String> event) {
            executor.execute(() -> onChange.accept(event.getValue()));
        }
    }
}

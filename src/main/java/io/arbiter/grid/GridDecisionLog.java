package io.arbiter.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.query.Predicates;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Decision;
import io.arbiter.domain.Notice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The decision log in the grid: decisions are recorded once per id (a second record of the same id
 * answers the first), actions move forward one state at a time where they live. Recording and
 * reading one entry run on threads of their own, apart from the scans over the whole log (listing
 * decisions, counting interruptions, finding unfinished actions): a scan that waits on a member
 * gone silent, until the cluster drops it and its partitions move, never holds up recording.
 */
public final class GridDecisionLog {

    private final IMap<String, Decision> decisions;
    private final IMap<String, ActionRecord> actions;
    private final IMap<String, Notice> notices;
    private final Executor queries;
    private final Executor scans;
    private final GridOwnership ownership;
    private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();

    GridDecisionLog(HazelcastInstance hz, GridOwnership ownership, Executor queries, Executor scans) {
        this.ownership = ownership;
        this.notices = hz.getMap(GridMaps.NOTICES);
        this.decisions = hz.getMap(GridMaps.DECISIONS);
        this.actions = hz.getMap(GridMaps.ACTIONS);
        this.queries = queries;
        this.scans = scans;
    }

    /**
     * Outcome of {@link #record}: the decision in the log, and whether this call put it there or
     * wrote actions of it that were missing (its caller then carries them out).
     */
    public record Recorded(Decision decision, boolean isNew) {
    }

    /**
     * Calls {@code listener} with a decision's id each time this member records it as new or moves
     * one of its actions (on the log's threads).
     */
    public void onChange(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    /**
     * Calls {@code listener} with the id of every decision recorded from now on by any member of
     * the cluster (on the log's threads), so that a member can learn of a decision the owner of its
     * platform took.
     */
    public void onRecordedAnywhere(Consumer<String> listener) {
        decisions.addEntryListener((EntryAddedListener<String, Decision>) added ->
                queries.execute(() -> listener.accept(added.getKey())), false);
    }

    /**
     * Records {@code decision} unless one with its id exists; answers the one in the log. Fails
     * with {@link MinorityException} on a member that sees too few members to decide.
     */
    public CompletionStage<Recorded> record(Decision decision) {
        String what = "refusing to decide " + decision.decisionId();
        return guarded(what, () -> {
            if (!ownership.hasMajority()) {
                throw minority(what);
            }
            Decision existing = decisions.putIfAbsent(decision.decisionId(), decision);
            if (existing != null) {
                // A member that died between writing a decision and its actions left some unwritten,
                // so nobody would carry them out: write them now, and have this caller carry them out
                // (their claims keep any other member from running them too).
                boolean completed = false;
                for (ActionRecord a : existing.actions()) {
                    completed |= actions.putIfAbsent(a.actionId(), a) == null;
                }
                return new Recorded(withCurrentActions(existing), completed);
            }
            Map<String, ActionRecord> byId = new HashMap<>();
            decision.actions().forEach(a -> byId.put(a.actionId(), a));
            byId.forEach(actions::putIfAbsent);
            changed(decision.decisionId());
            return new Recorded(decision, true);
        });
    }

    /** A decision with each action in its current state. */
    public CompletionStage<Optional<Decision>> decision(String decisionId) {
        return guarded("cannot read decision " + decisionId, () -> Optional.ofNullable(decisions.get(decisionId))
                .map(this::withCurrentActions));
    }

    /** The newest decisions, for one platform or all (platformId null), newest first. */
    public CompletionStage<List<Decision>> recent(String platformId, int limit) {
        return guarded("cannot read decisions", () -> {
            Collection<Decision> found = platformId == null ? decisions.values()
                    : decisions.values(Predicates.equal("platformId", platformId));
            return found.stream().sorted(Comparator.comparing(Decision::decidedAt).reversed()
                            .thenComparing(Decision::decisionId))
                    .limit(limit).map(this::withCurrentActions).toList();
        }, scans);
    }

    /** One action with its history. */
    public CompletionStage<Optional<ActionRecord>> action(String actionId) {
        return actions.getAsync(actionId).thenApplyAsync(Optional::ofNullable, queries);
    }

    /** Moves an action to {@code status}; answers it as it now is (unchanged when already final). */
    public CompletionStage<ActionRecord> advance(String actionId, ActionStatus status, Instant at, String note) {
        return actions.submitToKey(actionId, new AdvanceAction(status, at, note)).thenApplyAsync(a -> {
            if (a != null) {
                changed(a.decisionId());
            }
            return a;
        }, queries);
    }

    /**
     * Runs {@code body} on the log's threads; the split-brain protection's refusal (the decision
     * maps are protected for reads and writes) becomes a {@link MinorityException} that says so.
     */
    private <T> CompletionStage<T> guarded(String what, Supplier<T> body) {
        return guarded(what, body, queries);
    }

    private <T> CompletionStage<T> guarded(String what, Supplier<T> body, Executor on) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return body.get();
            } catch (SplitBrainProtectionException e) {
                throw minority(what);
            }
        }, on);
    }

    private MinorityException minority(String what) {
        return ownership.refusal(what);
    }

    private void changed(String decisionId) {
        changeListeners.forEach(l -> l.accept(decisionId));
    }

    /** How many interrupt actions each client has had since {@code since}, aborted ones excepted. */
    public CompletionStage<Map<String, Integer>> interruptionsSince(Instant since) {
        return guarded("cannot count recent interruptions", () -> {
            Map<String, Integer> counts = new HashMap<>();
            for (ActionRecord a : actions.values(Predicates.and(
                    Predicates.equal("type", ActionType.INTERRUPT.name()),
                    Predicates.greaterEqual("decidedAtSeconds", since.getEpochSecond())))) {
                if (a.status() != ActionStatus.ABORTED) {
                    counts.merge(a.clientId(), 1, Integer::sum);
                }
            }
            return counts;
        });
    }

    /** Actions not yet in a final state, to resume after a restart or a change of owner. */
    public CompletionStage<List<ActionRecord>> unfinished() {
        return guarded("cannot list unfinished actions", () -> {
            List<ActionRecord> open = new ArrayList<>();
            for (ActionRecord a : actions.values()) {
                if (!a.status().isFinal()) {
                    open.add(a);
                }
            }
            return open;
        }, scans);
    }

    /** Actions of {@code type} not yet in a final state (for instance the migrations running now). */
    public CompletionStage<List<ActionRecord>> unfinished(ActionType type) {
        return CompletableFuture.supplyAsync(() -> actions.values(Predicates.equal("type", type.name())).stream()
                .filter(a -> !a.status().isFinal()).toList(), queries);
    }

    /** Records a notice (once per id). */
    public CompletionStage<Void> notice(Notice notice) {
        return CompletableFuture.runAsync(() -> notices.putIfAbsent(notice.noticeId(), notice), queries);
    }

    /** The newest notices, for one platform or all (platformId null), newest first. */
    public CompletionStage<List<Notice>> notices(String platformId, int limit) {
        return CompletableFuture.supplyAsync(() -> (platformId == null ? notices.values()
                : notices.values(Predicates.equal("platformId", platformId))).stream()
                .sorted(Comparator.comparing(Notice::at).reversed().thenComparing(Notice::noticeId))
                .limit(limit).toList(), scans);
    }

    private Decision withCurrentActions(Decision d) {
        List<ActionRecord> current = new ArrayList<>(d.actions().size());
        for (ActionRecord a : d.actions()) {
            ActionRecord now = actions.get(a.actionId());
            current.add(now == null ? a : now);
        }
        return new Decision(d.decisionId(), d.platformId(), d.trigger(), d.selfRaised(), d.contention(),
                d.ruleRevision(), d.policyVersion(), d.decidedAt(), current, d.wanted(), d.shortfall(), d.excluded(),
                d.rulesFired(), d.explanation());
    }
}

package io.arbiter.app;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.Decision;
import io.arbiter.grid.GridDecisionLog;
import io.arbiter.ledger.DurableStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes decisions and action states through to the durable store, then to the grid's decision
 * log: a decision is in the store before anyone is told it was taken. The JDBC work runs on the
 * journal's own threads, never on event loops or Hazelcast's threads. On start, {@link #restore}
 * puts back into the grid what the store kept and the grid lacks. Whoever acknowledges a
 * contention can wait for its decision to be stored ({@link #stored}), also when another member
 * (the platform's owner) takes it: every member hears of every decision recorded in the grid's log,
 * which the owner writes only after its store.
 */
final class DecisionJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionJournal.class);
    private static final Duration PROBE_EVERY = Duration.ofSeconds(5);
    /** How many decisions stored lately are remembered for waiters that come after the write. */
    private static final int REMEMBERED = 4096;

    private final DurableStore store;
    private final GridDecisionLog log;
    private final ScheduledExecutorService writer;
    private final Map<String, CompletableFuture<Void>> waiting = new LinkedHashMap<>();
    /** Decisions stored lately, for waiters that come after the write; older ones are forgotten. */
    private final Set<String> storedLately = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });
    private volatile boolean reachable;

    DecisionJournal(DurableStore store, GridDecisionLog log, int threads) {
        this.store = store;
        this.log = log;
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "arbiter-store");
            t.setDaemon(true);
            return t;
        });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.writer = pool;
        this.reachable = store.reachable();
        writer.scheduleWithFixedDelay(() -> reachable = store.reachable(), PROBE_EVERY.toMillis(),
                PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        log.onRecordedAnywhere(decisionId -> settled(decisionId, null));
    }

    /**
     * Keeps {@code decision} in the store unless it would take a client past its disruption budget
     * (more than {@code maxInterruptions} interruptions in decisions taken since {@code since},
     * counted by the store across members: {@link DurableStore#saveDecisionWithinBudget}), then
     * records it in the grid's log; answers the log's outcome. Over budget it fails with
     * {@link OverBudget} and settles nothing: the decision is to be taken again, knowing the
     * interruptions the store counted.
     */
    CompletionStage<GridDecisionLog.Recorded> record(Decision decision, int maxInterruptions, Instant since) {
        return CompletableFuture.supplyAsync(() -> store.saveDecisionWithinBudget(decision, maxInterruptions, since),
                        writer)
                .whenComplete((over, failure) -> {
                    if (failure != null || over.isEmpty()) {
                        settled(decision.decisionId(), failure);
                    }
                })
                .thenCompose(over -> over.isEmpty() ? log.record(decision)
                        : CompletableFuture.failedFuture(new OverBudget(decision.decisionId(), over)));
    }

    /**
     * A decision not kept because it would take clients past their disruption budgets: another
     * decision, here or on another member, interrupted them meanwhile.
     */
    static final class OverBudget extends RuntimeException {
        private final transient Map<String, Integer> kept;

        OverBudget(String decisionId, Map<String, Integer> kept) {
            super("decision " + decisionId + " would take " + kept.keySet() + " past their disruption budgets",
                    null, false, false);
            this.kept = Map.copyOf(kept);
        }

        /** The interruptions the store keeps for each client over budget, this decision's not counted. */
        Map<String, Integer> kept() {
            return kept;
        }

        /** The {@link OverBudget} behind {@code failure}, or null. */
        static OverBudget in(Throwable failure) {
            Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                    : failure;
            return t instanceof OverBudget over ? over : null;
        }
    }

    /** Moves an action forward in the grid's log, then keeps its new state in the store. */
    CompletionStage<ActionRecord> advance(String actionId, ActionStatus status, Instant at, String note) {
        return log.advance(actionId, status, at, note).thenApplyAsync(action -> {
            if (action != null) {
                store.saveAction(action);
            }
            return action;
        }, writer);
    }

    /** The action as the grid's log holds it now, if it does. */
    CompletionStage<Optional<ActionRecord>> current(String actionId) {
        return log.action(actionId);
    }

    /**
     * Completes when decision {@code decisionId} is in the store: kept by this journal, or recorded
     * in the grid's log by any member (at once if it already was, lately); fails when keeping it or
     * taking it here fails while it waits ({@link #failed}), or when after {@code timeout} the log does
     * not hold it either (a notice may be missed; the log is read once more before giving up).
     */
    CompletionStage<Void> stored(String decisionId, Duration timeout) {
        CompletableFuture<Void> wait;
        synchronized (this) {
            if (storedLately.contains(decisionId)) {
                return CompletableFuture.completedFuture(null);
            }
            wait = waiting.computeIfAbsent(decisionId, id -> new CompletableFuture<>());
        }
        return wait.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((v, failure) -> {
            if (failure instanceof TimeoutException) {
                synchronized (this) {
                    waiting.remove(decisionId, wait);
                }
            }
        }).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                    : failure;
            return cause instanceof TimeoutException ? inLogAfter(decisionId, timeout)
                    : CompletableFuture.failedFuture(cause);
        });
    }

    /** Completes when the grid's log holds {@code decisionId} after all; fails saying it waited {@code timeout}. */
    private CompletionStage<Void> inLogAfter(String decisionId, Duration timeout) {
        return log.decision(decisionId).thenCompose(found -> found.isPresent() ? CompletableFuture.<Void>completedFuture(null)
                : CompletableFuture.failedFuture(new IllegalStateException("decision " + decisionId
                        + " was not stored within " + timeout)));
    }

    /** Tells whoever waits for decision {@code decisionId} that it could not be taken. */
    void failed(String decisionId, Throwable failure) {
        settled(decisionId, failure == null ? new IllegalStateException("no decision") : failure);
    }

    /**
     * Ends the wait for {@code decisionId}, and remembers a decision stored for whoever waits for it
     * later. A failure is told only to whoever waits at the time: the contention stays pending and
     * is tried again, so a failure kept would be stale by the time someone sends the contention
     * again (for instance once a split has healed); whoever waits after it hears of the next attempt.
     */
    private void settled(String decisionId, Throwable failure) {
        CompletableFuture<Void> wait;
        synchronized (this) {
            wait = waiting.remove(decisionId);
            if (failure == null) {
                storedLately.add(decisionId);
            }
        }
        if (wait != null) {
            if (failure == null) {
                wait.complete(null);
            } else {
                wait.completeExceptionally(failure);
            }
        }
    }

    /**
     * Puts every decision the store kept, with its actions in their newest states, into the grid's
     * log where the log lacks it; answers the store's unfinished actions, oldest decision first.
     * Blocking: called once at start, before the node takes requests.
     */
    List<ActionRecord> restore() {
        int restored = 0;
        for (Decision d : store.decisions()) {
            if (log.record(d).toCompletableFuture().join().isNew()) {
                restored++;
            }
        }
        List<ActionRecord> unfinished = store.unfinishedActions();
        if (restored > 0 || !unfinished.isEmpty()) {
            LOG.info("restored {} decision(s) from the store; {} action(s) unfinished", restored, unfinished.size());
        }
        return unfinished;
    }

    /** The journal's threads, for other blocking store work (reservations, the ledger). */
    Executor storeThreads() {
        return writer;
    }

    /** True when the store answered the last probe (every 5 s); never blocks. */
    boolean storeReachable() {
        return reachable;
    }

    /** Lets the writes under way finish (at most 10 s), then stops the journal's threads. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("store writes still under way after 10 s; stopping them");
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

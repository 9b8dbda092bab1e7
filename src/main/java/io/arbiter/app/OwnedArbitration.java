package io.arbiter.app;

import io.arbiter.arbitration.DecisionIds;
import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.Contention;
import io.arbiter.grid.ActionClaims;
import io.arbiter.grid.GridDecisionLog;
import io.arbiter.grid.GridOwnership;
import io.arbiter.grid.GridStore;
import io.arbiter.grid.MinorityException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * One decider per platform: this member decides the contentions reported on the platforms whose
 * partition it owns, and only those. A contention stays pending in the grid (in its platform's
 * partition, backed up in another zone) until its decision is recorded, so that when a member
 * dies the new owners of its platforms find the contentions it had not decided yet and decide
 * them, and resume the actions it had started (those no member still in the cluster has claimed,
 * {@link ActionClaims}). Decisions and actions are idempotent on their ids, so a contention decided
 * by both is recorded and carried out once.
 *
 * <p>On the minority side of a split the decision log refuses to record anything; each refused
 * contention is logged once, counted in {@code arbiter_decisions_refused_total{reason="minority"}}
 * and stays pending, to be decided once the cluster heals.
 */
final class OwnedArbitration implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OwnedArbitration.class);
    private static final long SWEEP_MILLIS = 1000;

    private final GridStore grid;
    private final GridDecisionLog log;
    private final GridOwnership ownership;
    private final ActionClaims claims;
    private final ArbitrationService arbitration;
    private final Actuator actuator;
    private final Migrator migrator;
    private final Counter refused;
    private final BiConsumer<String, Throwable> notDecided;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> refusedOnce = ConcurrentHashMap.newKeySet();
    private final Set<String> warnedOnce = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean resumeActions = new AtomicBoolean();
    private final AtomicBoolean takingOver = new AtomicBoolean();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "arbiter-owned-arbitration");
        t.setDaemon(true);
        return t;
    });
    /** Takes actions over apart from the sweep: waiting for partitions to settle never holds up deciding. */
    private final ExecutorService takeover = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "arbiter-takeover");
        t.setDaemon(true);
        return t;
    });

    OwnedArbitration(GridStore grid, GridDecisionLog log, GridOwnership ownership, ActionClaims claims,
                     ArbitrationService arbitration, Actuator actuator, Migrator migrator, MeterRegistry registry,
                     BiConsumer<String, Throwable> notDecided) {
        this.notDecided = notDecided;
        this.grid = grid;
        this.log = log;
        this.ownership = ownership;
        this.claims = claims;
        this.arbitration = arbitration;
        this.actuator = actuator;
        this.migrator = migrator;
        this.refused = Counter.builder("arbiter.decisions.refused").tag("reason", "minority")
                .description("Contentions this member refused to decide while on the minority side of a split")
                .register(registry);
        Gauge.builder("arbiter.cluster.majority", ownership, o -> o.hasMajority() ? 1 : 0)
                .description("1 while this member sees the majority decisions need, 0 on the minority side")
                .register(registry);
    }

    /** Decides contentions as they arrive in owned partitions, and sweeps for pending ones every second. */
    void start() {
        grid.onOwnedContention(this::decide);
        ownership.onChange(change -> {
            if (change == GridOwnership.Change.LEFT || change == GridOwnership.Change.MERGED) {
                resumeActions.set(true);
            }
            sweeper.execute(this::sweep);
        });
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            Map<String, Contention> pending = grid.pendingOwnedContentions().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            pending.forEach(this::decide);
        } catch (Exception e) {
            LOG.debug("sweep for pending contentions did not complete: {}", e.toString());
        }
        if (resumeActions.get() && takingOver.compareAndSet(false, true)) {
            takeover.execute(this::resumeOwnedActions);
        }
    }

    /**
     * Actions left unfinished by a member that left: their platforms' new owners carry them on,
     * once this member sees the majority and partitions have settled (tried again at each sweep
     * until then, or when reading the unfinished actions fails).
     */
    private void resumeOwnedActions() {
        try {
            if (resumeActions.getAndSet(false) && !takeUpOwned()) {
                resumeActions.set(true);
            }
        } catch (Exception e) {
            resumeActions.set(true);
            LOG.debug("taking up unfinished actions did not complete: {}", e.toString());
        } finally {
            takingOver.set(false);
        }
    }

    /** Answers false when it is too early: in the minority, or partitions still moving. */
    private boolean takeUpOwned() throws Exception {
        if (!ownership.hasMajority() || !ownership.isSettled()) {
            return false;
        }
        List<ActionRecord> owned = new ArrayList<>();
        for (ActionRecord action : log.unfinished().toCompletableFuture().get(10, TimeUnit.SECONDS)) {
            if (action.platformId() != null && ownership.owns(action.platformId())) {
                owned.add(action);
            }
        }
        takeUp(owned);
        return true;
    }

    /**
     * Carries on {@code unfinished} actions of platforms this member owns, after a restart or when
     * a member left: takes them over first, and leaves those a member still in the cluster carries
     * out to it — this one included, whose own actions the list may show unfinished when they are
     * not any more; and a platform that changed owner twice after a member died was arbitrated
     * meanwhile by the first, which carries out its own decisions to the end.
     */
    void takeUp(List<ActionRecord> unfinished) {
        if (unfinished.isEmpty()) {
            return;
        }
        claims.takeOver(unfinished.stream().map(ActionRecord::actionId).toList()).whenComplete((held, failure) -> {
            if (failure != null) {
                LOG.warn("unfinished actions could not be claimed; trying again: {}", failure.toString());
                resumeActions.set(true);
                return;
            }
            List<ActionRecord> mine = unfinished.stream().filter(a -> held.contains(a.actionId())).toList();
            if (!mine.isEmpty()) {
                LOG.info("taking up {} unfinished action(s) of platforms this member owns ({} left to the members "
                        + "carrying them out, this one included): {}", mine.size(), unfinished.size() - mine.size(),
                        mine.stream().map(ActionRecord::actionId).toList());
                actuator.resume(mine);
                migrator.recover(mine);
            }
        });
    }

    private void decide(String eventId, Contention contention) {
        String key = contention.platformId() + "/" + eventId;
        if (!ownership.hasMajority()) {
            notDecided(key, eventId, contention, ownership.refusal("refusing to decide contention " + eventId));
            return;
        }
        if (!inFlight.add(key)) {
            return;
        }
        boolean selfRaised = eventId.startsWith(ArbitrationService.SELF_RAISED);
        arbitration.arbitrate(eventId, contention, selfRaised, false)
                .thenCompose(result -> grid.contentionDecided(contention.platformId(), eventId))
                .whenComplete((done, failure) -> {
                    inFlight.remove(key);
                    if (failure == null) {
                        refusedOnce.remove(key);
                        warnedOnce.remove(key);
                    } else {
                        notDecided(key, eventId, contention, unwrap(failure));
                    }
                });
    }

    private void notDecided(String key, String eventId, Contention contention, Throwable cause) {
        notDecided.accept(DecisionIds.decision(contention.platformId(), eventId, 0), cause);
        if (cause instanceof MinorityException) {
            if (refusedOnce.add(key)) {
                refused.increment();
                LOG.warn("contention {} on {} not decided: {}", eventId, contention.platformId(), cause.getMessage());
            }
        } else if (warnedOnce.add(key)) {
            LOG.warn("contention {} on {} was not decided (it stays pending and is tried again): {}", eventId,
                    contention.platformId(), cause.toString());
        }
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        takeover.shutdownNow();
    }
}

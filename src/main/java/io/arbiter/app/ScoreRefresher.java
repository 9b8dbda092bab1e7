package io.arbiter.app;

import io.arbiter.domain.ClientFactors;
import io.arbiter.domain.ClientScore;
import io.arbiter.domain.InterruptionStanding;
import io.arbiter.grid.ClientInputs;
import io.arbiter.grid.GridClients;
import io.arbiter.grid.GridScores;
import io.arbiter.policy.CvsScorer;
import io.arbiter.policy.InterruptionStandings;
import io.arbiter.policy.Policy;
import io.arbiter.policy.PolicyEngine;
import io.arbiter.policy.ScoreChanges;
import io.arbiter.policy.ScoringParameters;
import io.arbiter.domain.ClientForecast;
import io.arbiter.scoring.FactorAssembler;
import io.arbiter.scoring.ForecastSelector;
import io.arbiter.scoring.Projection;
import io.arbiter.scoring.UsageSource;
import io.arbiter.scoring.UsageSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Re-scores every client: reads the clients' inputs and usage from the grid, assembles their
 * factors, scores them with the rules and policy in force (one snapshot for the whole pass), writes
 * the scores that changed by at least the policy's epsilon, then the interruption rules' standing of
 * every client from the scores in force. Passes never overlap; a request
 * during a pass runs one more pass after it, so no change is missed and bursts coalesce.
 */
public final class ScoreRefresher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScoreRefresher.class);

    /** What one pass did. */
    public record Pass(int clients, int changed, String ruleRevision, String policyVersion) {
    }

    private final GridClients clients;
    /** Penalised clients are scored at their downgraded tier while the downgrade is in force. */
    private final SlaDowngrades downgrades;
    private final UsageSource usage;
    private final GridScores scores;
    private final PolicyEngine engine;
    private final Clock clock;
    private final Timer timer;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "arbiter-scoring");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "arbiter-scoring-ticker");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final List<Consumer<Pass>> passListeners = new CopyOnWriteArrayList<>();
    private volatile long lastPassNanos;
    private CompletableFuture<Pass> running;
    /** The rules and policy the running pass scores with; null until it has read them. */
    private PolicyEngine.Snapshot runningSnapshot;
    private CompletableFuture<Pass> next;
    /** The scores and standings of the latest pass; null before the first. */
    private volatile ScoreBoard board;

    ScoreRefresher(GridClients clients, UsageSource usage, GridScores scores, PolicyEngine engine,
                   SlaDowngrades downgrades, Clock clock, MeterRegistry registry) {
        this.clients = clients;
        this.downgrades = downgrades;
        this.usage = usage;
        this.scores = scores;
        this.engine = engine;
        this.clock = clock;
        this.timer = Timer.builder("arbiter.scoring.pass").description("Time to re-score every client")
                .register(registry);
    }

    /**
     * Re-scores at a bounded rate from now on: at most once per {@code minInterval} when inputs
     * changed ({@link #inputsChanged()}), and at least once per {@code maxAge} (scores move with time
     * too: usage decays, demand signals expire, invoices fall overdue).
     */
    public void start(Duration minInterval, Duration maxAge) {
        ticker.scheduleWithFixedDelay(() -> {
            boolean stale = System.nanoTime() - lastPassNanos >= maxAge.toNanos();
            if (dirty.getAndSet(false) || stale) {
                refresh().toCompletableFuture().join();
            }
        }, 0, minInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every client's score and standing as the latest pass left them; null before the first pass. */
    ScoreBoard board() {
        return board;
    }

    /** Calls {@code listener} after every pass that completed. */
    public void onPass(Consumer<Pass> listener) {
        passListeners.add(listener);
    }

    /** Notes that some client's inputs changed; the next tick re-scores. */
    public void inputsChanged() {
        dirty.set(true);
    }

    /**
     * Asks for a pass; the answer completes when a pass that started after this call has written its
     * scores.
     */
    public synchronized CompletionStage<Pass> refresh() {
        if (running == null) {
            running = startPass();
            return running;
        }
        if (next == null) {
            next = new CompletableFuture<>();
        }
        return next;
    }

    /**
     * Asks for the scores of policy {@code policyVersion}, just put in force: the answer completes when
     * a pass that scores with it (or with a policy put in force after it) has written its scores. The
     * pass under way serves when it scores with that policy, or has not read the policy yet (it will
     * read this one or a later one); otherwise this is {@link #refresh()}. So a policy change that
     * already started a pass (as the engine's listeners do) waits for that pass, not for another.
     */
    public synchronized CompletionStage<Pass> scoredWith(String policyVersion) {
        if (running != null && (runningSnapshot == null
                || runningSnapshot.policy().version().equals(policyVersion))) {
            return running;
        }
        return refresh();
    }

    private synchronized PolicyEngine.Snapshot takeSnapshot() {
        runningSnapshot = engine.current();
        return runningSnapshot;
    }

    private CompletableFuture<Pass> startPass() {
        runningSnapshot = null;
        long start = System.nanoTime();
        CompletableFuture<Pass> pass = CompletableFuture.supplyAsync(this::passNow, thread);
        pass.whenComplete((result, failure) -> {
            lastPassNanos = System.nanoTime();
            timer.record(lastPassNanos - start, TimeUnit.NANOSECONDS);
            if (failure != null) {
                LOG.warn("scoring pass failed: {}", failure.toString());
            } else {
                passListeners.forEach(l -> l.accept(result));
            }
            onPassDone();
        });
        return pass;
    }

    private synchronized void onPassDone() {
        running = null;
        if (next != null) {
            CompletableFuture<Pass> waiting = next;
            next = null;
            running = startPass();
            running.whenComplete((r, f) -> {
                if (f != null) {
                    waiting.completeExceptionally(f);
                } else {
                    waiting.complete(r);
                }
            });
        }
    }

    /**
     * One pass. The grid reads (inputs, usage, and the scores in force) start together, so the scores
     * in force are read while the rules score: only passes write scores, and this member's never
     * overlap, so they are the same as read after scoring (another member's pass may write meanwhile
     * either way).
     */
    private Pass passNow() {
        Instant now = clock.instant();
        PolicyEngine.Snapshot snapshot = takeSnapshot();
        Policy policy = snapshot.policy().policy();
        CompletableFuture<List<ClientInputs>> reading = clients.all().toCompletableFuture();
        CompletableFuture<Map<String, UsageSummary>> summarising = usage.summaries(now, policy.forecast().horizon(),
                ScoringParameters.decay(policy)).toCompletableFuture();
        CompletableFuture<Map<String, ClientScore>> readingScores = scores.all().toCompletableFuture();
        List<ClientInputs> known = reading.join();
        Map<String, UsageSummary> summaries = summarising.join();
        List<FactorAssembler.ClientInputs> inputs = new ArrayList<>(known.size());
        for (ClientInputs c : known) {
            inputs.add(new FactorAssembler.ClientInputs(downgrades.effective(c.client(), now),
                    withOwnForecast(summaries.get(c.client().clientId()), c.forecast(), now), c.payments(), c.demand()));
        }
        List<ClientFactors> factors = FactorAssembler.assemble(inputs, ScoringParameters.factors(policy), now);
        List<ClientScore> scored = CvsScorer.score(snapshot.rules(), snapshot.policy(), factors, now);
        Map<String, ClientScore> previous = readingScores.join();
        Map<String, ClientScore> changed = new HashMap<>();
        for (ClientScore s : scored) {
            ClientScore before = previous.get(s.clientId());
            ClientScore settled = ScoreChanges.settle(before, s, policy.score().epsilon());
            if (settled != before) {
                changed.put(s.clientId(), settled);
            }
        }
        Map<String, ClientScore> inForce = new HashMap<>();
        for (ClientScore s : scored) {
            inForce.put(s.clientId(), changed.getOrDefault(s.clientId(), previous.getOrDefault(s.clientId(), s)));
        }
        Map<String, InterruptionStanding> standings = InterruptionStandings.evaluate(snapshot.rules(),
                snapshot.policy(), inForce.values());
        // The board before the grid, and the pass named latest after it: a decision that finds this
        // pass named latest finds the scores it wrote on the board.
        String passId = UUID.randomUUID().toString();
        board = new ScoreBoard(passId, inForce, standings, snapshot.rules().revision(), snapshot.policy().version());
        // Standings first: a client whose score can be read has its standing already.
        scores.putStandings(standings).toCompletableFuture().join();
        scores.putAll(changed).toCompletableFuture().join();
        scores.markLatestPass(passId).toCompletableFuture().join();
        return new Pass(scored.size(), changed.size(), snapshot.rules().revision(), snapshot.policy().version());
    }

    /** The client's own forecast, while in force, is its projected need (usage is summarised without it). */
    private static UsageSummary withOwnForecast(UsageSummary summary, ClientForecast own, Instant now) {
        if (own == null || !ForecastSelector.inForceAt(own, now)) {
            return summary;
        }
        Projection projection = Projection.of(own);
        return summary == null ? new UsageSummary(0, 0, 0, 0, 0, 0, projection)
                : new UsageSummary(summary.decayedCpu(), summary.decayedMemoryGiB(), summary.decayedNetworkMbps(),
                summary.currentCpu(), summary.currentMemoryGiB(), summary.currentNetworkMbps(), projection);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        thread.shutdownNow();
    }
}

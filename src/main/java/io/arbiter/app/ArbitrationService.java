package io.arbiter.app;

import io.arbiter.arbitration.ArbitrationInput;
import io.arbiter.actuation.ShadowReservations;
import io.arbiter.arbitration.Arbitrator;
import io.arbiter.arbitration.MigrationOptions;
import io.arbiter.arbitration.PlatformRoster;
import io.arbiter.arbitration.Standings;
import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Contention;
import io.arbiter.domain.ContentionReason;
import io.arbiter.domain.Decision;
import io.arbiter.domain.Event;
import io.arbiter.domain.InterruptionCriteria;
import io.arbiter.domain.InterruptionStanding;
import io.arbiter.domain.Platform;
import io.arbiter.domain.PlatformView;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Severity;
import io.arbiter.grid.ActionClaims;
import io.arbiter.grid.GridDecisionLog;
import io.arbiter.grid.GridScores;
import io.arbiter.grid.GridStore;
import io.arbiter.http.Arbitrations;
import io.arbiter.policy.Policy;
import io.arbiter.policy.PolicyEngine;
import io.arbiter.policy.ScoringParameters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Turns contentions into decisions and has them carried out: gathers the platform's instances (as
 * a {@link PlatformRoster}, kept between decisions while they do not change), the clients' scores
 * and interruption standings ({@link DecisionScores}: from this member's latest scoring pass when
 * that pass scored with the rules and policy in force and wrote last; otherwise from the grid) and their recent
 * interruptions, decides
 * ({@link Arbitrator}), records the decision once per id (in the durable store first, through the
 * {@link DecisionJournal}), claims its actions for this member ({@link ActionClaims}) and starts
 * them. A contention sent again finds its decision and starts nothing twice; a dry run decides and
 * stores nothing. A decision that interrupts is kept only within its clients' disruption budgets
 * as the durable store counts them across members; over budget it is taken again knowing those
 * counts. Also raises a contention itself when a platform's allocation passes the policy's high-water mark.
 */
final class ArbitrationService implements Arbitrations {

    private static final Logger LOG = LoggerFactory.getLogger(ArbitrationService.class);
    /** How many times a decision is taken when the store keeps finding it over a client's disruption budget. */
    private static final int BUDGET_ATTEMPTS = 5;

    private final GridStore grid;
    private final PlatformRosters rosters;
    private final GridDecisionLog log;
    private final DecisionJournal journal;
    private final PolicyEngine engine;
    private final Actuator actuator;
    private final Migrator migrator;
    private final ShadowReservations reservations;
    private final ActionClaims claims;
    private final DecisionScores decisionScores;
    private final Clock clock;
    private final Timer timer;

    ArbitrationService(GridStore grid, GridScores scores, GridDecisionLog log, DecisionJournal journal,
                       PolicyEngine engine, Actuator actuator, Migrator migrator, ShadowReservations reservations,
                       ActionClaims claims, Supplier<ScoreBoard> board, Clock clock, MeterRegistry registry) {
        this.grid = grid;
        this.rosters = new PlatformRosters(grid, clock);
        this.log = log;
        this.journal = journal;
        this.engine = engine;
        this.actuator = actuator;
        this.migrator = migrator;
        this.reservations = reservations;
        this.claims = claims;
        this.decisionScores = new DecisionScores(scores, board);
        this.clock = clock;
        this.timer = Timer.builder("arbiter.arbitration").description("Time from contention to recorded decision")
                .publishPercentileHistogram().register(registry);
    }

    @Override
    public CompletionStage<Result> arbitrate(String triggerId, Contention contention, boolean dryRun) {
        return arbitrate(triggerId, contention, false, dryRun);
    }

    /** Decides {@code contention} (raised by event {@code triggerId}); with {@code dryRun}, stores and runs nothing. */
    CompletionStage<Result> arbitrate(String triggerId, Contention contention, boolean selfRaised, boolean dryRun) {
        long start = System.nanoTime();
        Instant now = clock.instant();
        PolicyEngine.Snapshot snapshot = engine.current();
        Policy policy = snapshot.policy().policy();
        InterruptionCriteria criteria = ScoringParameters.interruption(policy);
        String platformId = contention.platformId();
        return grid.platform(platformId).thenCombine(rosters.roster(platformId), (platform, roster) -> {
            if (platform.isEmpty()) {
                throw new IllegalArgumentException("unknown platform '" + platformId + "'");
            }
            return new Gathered(platform.get(), roster);
        }).thenCompose(g -> {
            Set<String> clients = new LinkedHashSet<>();
            for (int c = 0; c < g.roster().clients(); c++) {
                clients.add(g.roster().group(c).clientId());
            }
            if (contention.beneficiary() != null) {
                clients.add(contention.beneficiary());
            }
            var read = decisionScores.read(clients, snapshot).toCompletableFuture();
            // Disruption budgets matter only to running interruptible instances; without any, the log needs no scan.
            var recent = g.roster().runningInterruptible() > 0
                    ? log.interruptionsSince(now.minus(criteria.budgetWindow())).toCompletableFuture()
                    : CompletableFuture.completedFuture(Map.<String, Integer>of());
            var migration = migrationOptions(contention, snapshot).toCompletableFuture();
            return CompletableFuture.allOf(read, recent, migration).thenApply(done -> {
                Map<String, Integer> interruptions = new HashMap<>(recent.join());
                return new Inputs(new ArbitrationInput(triggerId, selfRaised, contention, g.free(), g.roster(),
                        new Standings(read.join(), interruptions), criteria,
                        snapshot.rules().revision(), snapshot.policy().version(),
                        rulesFired(clients, read.join().standings()), now), migration.join(), interruptions);
            });
        }).thenCompose(inputs -> decideAndKeep(inputs, dryRun, start, 1));
    }

    /**
     * Decides from {@code inputs} and, unless {@code dryRun}, records the decision and has it carried
     * out. When the store finds that the decision would take clients past their disruption budgets
     * (decisions on other platforms, here or on other members, interrupted them meanwhile), decides
     * again knowing the interruptions the store counted, up to {@link #BUDGET_ATTEMPTS} times.
     */
    private CompletionStage<Result> decideAndKeep(Inputs inputs, boolean dryRun, long start, int attempt) {
        Decision taken = Arbitrator.decide(inputs.input(), inputs.migration());
        return MovedClientTiers.kept(grid, taken).thenCompose(decision -> {
            if (dryRun) {
                return CompletableFuture.completedFuture(new Result(decision, false));
            }
            InterruptionCriteria criteria = inputs.input().criteria();
            return journal.record(decision, criteria.maxInterruptions(), inputs.input().now()
                    .minus(criteria.budgetWindow())).thenApply(recorded -> {
                        timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                        if (recorded.isNew()) {
                            LOG.info("decision {}: {}", decision.decisionId(), decision.explanation());
                            execute(recorded.decision());
                        }
                        return new Result(recorded.decision(), recorded.isNew());
                    }).exceptionallyCompose(failure -> {
                        DecisionJournal.OverBudget over = DecisionJournal.OverBudget.in(failure);
                        if (over == null || attempt >= BUDGET_ATTEMPTS) {
                            return CompletableFuture.failedFuture(failure);
                        }
                        LOG.info("{}; deciding again with the interruptions the store counts", over.getMessage());
                        over.kept().forEach((client, n) -> inputs.interruptions().merge(client, n, Math::max));
                        return decideAndKeep(inputs, false, start, attempt + 1);
                    });
        });
    }

    /**
     * Claims the decision's actions for this member, then carries out those it holds: all, unless a
     * member took some over meanwhile. When the claim cannot be made, all are carried out (at least
     * once, rather than not at all).
     */
    private void execute(Decision decision) {
        claims.claim(decision.actions().stream().map(ActionRecord::actionId).toList()).whenComplete((held, failure) -> {
            Decision mine = decision;
            if (failure != null) {
                LOG.warn("the actions of decision {} could not be claimed; carrying them out: {}", decision.decisionId(),
                        failure.toString());
            } else {
                mine = decision.withActions(decision.actions().stream().filter(a -> held.contains(a.actionId())).toList());
            }
            actuator.execute(mine);
            migrator.execute(mine);
        });
    }

    /** Trigger ids of the contentions Arbiter raises itself start with this. */
    static final String SELF_RAISED = "self-raised:";

    /**
     * Raises a {@code capacity} contention for each platform whose allocation rose above the
     * policy's high-water mark with these events, with the need that brings it back under the mark;
     * one per platform, named after the last {@code instance.started} on it among them. It is stored
     * as pending, like a reported one, so that the platform's owner decides it.
     */
    void checkHighWater(List<Event> applied) {
        double mark = engine.current().policy().policy().capacity().highWaterMark();
        Map<String, String> lastStartOn = new LinkedHashMap<>();
        for (Event e : applied) {
            if (e instanceof Event.InstanceStarted started) {
                lastStartOn.put(started.instance().platformId(), e.id());
            }
        }
        lastStartOn.forEach((platformId, eventId) -> {
            if (actuator.busy(platformId)) {
                return;
            }
            grid.platform(platformId).thenCombine(rosters.roster(platformId), (platform, roster) -> {
                platform.ifPresent(p -> {
                    Resources need = overMark(roster.view(p), mark);
                    if (!need.isZero()) {
                        grid.raiseContention(SELF_RAISED + eventId, new Contention(platformId,
                                ContentionReason.CAPACITY, Severity.NORMAL, need, null)).whenComplete((o, f) -> {
                                    if (f != null) {
                                        LOG.warn("self-raised contention on {} failed: {}", platformId, f.toString());
                                    }
                                });
                    }
                });
                return null;
            });
        });
    }

    /** The room to ask for so that allocation falls back to the mark in each dimension above it. */
    static Resources overMark(PlatformView v, double mark) {
        Resources cap = v.platform().capacity();
        boolean cpuOver = v.allocated().cpu() > mark * cap.cpu();
        boolean memoryOver = v.allocated().memoryGiB() > mark * cap.memoryGiB();
        return new Resources(cpuOver ? cap.cpu() * (1 - mark) : 0, memoryOver ? cap.memoryGiB() * (1 - mark) : 0);
    }

    /**
     * What migration may use: under extreme contention or a hardware failure, the registered shadow
     * slots no migration holds and the number of migrations running; otherwise nothing (the
     * migration rules still say why nothing moves).
     */
    private CompletionStage<MigrationOptions> migrationOptions(Contention contention, PolicyEngine.Snapshot snapshot) {
        if (contention.severity() != Severity.EXTREME && contention.reason() != ContentionReason.HARDWARE_FAILURE) {
            return CompletableFuture.completedFuture(new MigrationOptions(snapshot.rules(), snapshot.policy(),
                    List.of(), 0));
        }
        var slots = grid.shadowSlots().toCompletableFuture();
        var held = reservations.held().toCompletableFuture();
        var migrating = log.unfinished(ActionType.MIGRATE).toCompletableFuture();
        return CompletableFuture.allOf(slots, held, migrating).thenApply(done -> new MigrationOptions(snapshot.rules(),
                snapshot.policy(), slots.join().stream().filter(s -> !held.join().containsKey(s.slotId())).toList(),
                migrating.join().size()));
    }

    /**
     * What a decision is taken from: the input, what migration may use, and the recent
     * interruptions per client the input's standings read (raised when the store counts more).
     */
    private record Inputs(ArbitrationInput input, MigrationOptions migration, Map<String, Integer> interruptions) {
    }

    private record Gathered(Platform platform, PlatformRoster roster) {

        Resources free() {
            return roster.view(platform).free();
        }
    }

    /** The rules that concluded the standings of {@code clients}, each once, in the order met. */
    private static List<String> rulesFired(Set<String> clients, Map<String, InterruptionStanding> standings) {
        Set<String> rules = new LinkedHashSet<>();
        for (String client : clients) {
            InterruptionStanding s = standings.get(client);
            if (s != null) {
                rules.addAll(s.rules());
            }
        }
        return new ArrayList<>(rules);
    }
}

package io.arbiter.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.actuation.Interruption;
import io.arbiter.actuation.PlatformDriver;
import io.arbiter.actuation.Scheduler;
import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Decision;
import io.arbiter.domain.InstanceState;
import io.arbiter.grid.ActionClaims;
import io.arbiter.grid.GridStore;
import io.arbiter.ingest.Ingestor;
import io.arbiter.ingest.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Carries out decisions: each {@code interrupt} action runs as an {@link Interruption} through the
 * platform driver; every state change goes to the store and the decision log (through the
 * {@link DecisionJournal}); an instance that stopped or was
 * terminated is reported as an {@code instance.stopped} event (its id derived from the action's, so
 * reported once), which frees its capacity and its client's usage. Metrics count actions by type and
 * outcome.
 */
final class Actuator {

    private static final Logger LOG = LoggerFactory.getLogger(Actuator.class);

    private final PlatformDriver driver;
    private final Scheduler scheduler;
    private final GridStore grid;
    private final DecisionJournal log;
    private final ActionClaims claims;
    private final Ingestor ingestor;
    private final Supplier<Duration> grace;
    private final MeterRegistry registry;
    private final Map<String, Integer> actionsUnderWay = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    Actuator(PlatformDriver driver, Scheduler scheduler, GridStore grid, DecisionJournal log, ActionClaims claims,
             Ingestor ingestor, Supplier<Duration> grace, MeterRegistry registry) {
        this.driver = driver;
        this.claims = claims;
        this.scheduler = scheduler;
        this.grid = grid;
        this.log = log;
        this.ingestor = ingestor;
        this.grace = grace;
        this.registry = registry;
    }

    /** Starts every pending action of {@code decision} that is not already running here. */
    void execute(Decision decision) {
        for (ActionRecord action : decision.actions()) {
            if (action.type() == ActionType.INTERRUPT && action.status() == ActionStatus.PENDING
                    && running.add(action.actionId())) {
                interrupt(action);
            }
        }
    }

    /**
     * Takes up again, after a restart or a takeover, the interrupt actions among {@code unfinished}
     * that are not already running here: each starts over from a graceful shutdown (the driver's
     * calls are idempotent per action), its states continuing the history it had. The list may be
     * older than the actions (read while this member was carrying some of them out): one that the
     * decision log shows finished by now is left alone, so that no action is carried out twice.
     */
    void resume(List<ActionRecord> unfinished) {
        for (ActionRecord action : unfinished) {
            if (action.type() == ActionType.INTERRUPT && !action.status().isFinal()
                    && running.add(action.actionId())) {
                log.current(action.actionId()).whenComplete((now, failure) -> {
                    if (failure == null && now.isPresent() && now.get().status().isFinal()) {
                        running.remove(action.actionId());
                    } else {
                        interrupt(action);
                    }
                });
            }
        }
    }

    /** True while an action on the platform is under way on this node. */
    boolean busy(String platformId) {
        return actionsUnderWay.containsKey(platformId);
    }

    private void interrupt(ActionRecord action) {
        actionsUnderWay.merge(action.platformId(), 1, Integer::sum);
        grid.instance(action.instanceId()).thenAccept(found -> {
            if (found.isEmpty()) {
                changed(action, ActionStatus.FAILED, scheduler.now(), "instance no longer known");
                return;
            }
            grid.setState(action.instanceId(), InstanceState.STOPPING);
            new Interruption(action.actionId(), found.get(), grace.get(), driver, scheduler,
                    (id, status, at, note) -> changed(action, status, at, note)).start();
        }).exceptionally(failure -> {
            changed(action, ActionStatus.FAILED, scheduler.now(), "could not start: " + failure.getMessage());
            return null;
        });
    }

    private void changed(ActionRecord action, ActionStatus status, Instant at, String note) {
        log.advance(action.actionId(), status, at, note).whenComplete((a, failure) -> {
            if (failure != null) {
                LOG.warn("action {} reached {} but the store or the log could not record it: {}", action.actionId(), status,
                        failure.toString());
            }
        });
        if (!status.isFinal()) {
            return;
        }
        countFinished(registry, action, status);
        running.remove(action.actionId());
        claims.release(action.actionId());
        actionsUnderWay.computeIfPresent(action.platformId(), (p, n) -> n > 1 ? n - 1 : null);
        if (status == ActionStatus.STOPPED || status == ActionStatus.TERMINATED) {
            ObjectNode stopped = Json.MAPPER.createObjectNode().put("id", action.actionId() + ":stopped")
                    .put("type", "instance.stopped").put("time", at.toString())
                    .put("instanceId", action.instanceId());
            ingestor.ingest(stopped).whenComplete((outcome, failure) -> {
                if (failure != null) {
                    LOG.warn("instance {} stopped but could not be recorded: {}", action.instanceId(),
                            failure.toString());
                }
            });
        }
    }

    /** Counts a finished action in {@code arbiter_actions_total{type,outcome}}. */
    static void countFinished(MeterRegistry registry, ActionRecord action, ActionStatus outcome) {
        Counter.builder("arbiter.actions").description("Actions finished, by type and outcome")
                .tag("type", action.type().wire()).tag("outcome", outcome.wire()).register(registry).increment();
    }
}

package io.arbiter.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.actuation.Migration;
import io.arbiter.actuation.MigrationListener;
import io.arbiter.actuation.PlatformDriver;
import io.arbiter.actuation.Scheduler;
import io.arbiter.actuation.ShadowReservations;
import io.arbiter.actuation.SlotReconciliation;
import io.arbiter.actuation.TrafficRouter;
import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Decision;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.ShadowSlot;
import io.arbiter.grid.GridStore;
import io.arbiter.ingest.Ingestor;
import io.arbiter.ingest.Json;
import io.arbiter.ledger.DurableStore;
import io.arbiter.policy.Policy;
import io.arbiter.policy.PolicyEngine;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * Carries out a decision's {@code migrate} actions as {@link Migration} sagas: looks up the instance
 * and its shadow slot, records every state durably before its step, charges the client through
 * {@link LedgerCharges} at the switch (or aborts the charge on a rollback), and afterwards marks
 * the original {@code migrated} (its room on the contended platform is free) and registers the
 * copy as an instance of the slot's platform. After a restart or a takeover, {@link #recover}
 * carries on unfinished migrations from their last recorded state.
 */
final class Migrator {

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    /** How often shadow slots left held by migrations that ended are looked for and freed. */
    static final Duration RECONCILE_EVERY = Duration.ofSeconds(30);

    private final Migration.Parts parts;
    private final GridStore grid;
    private final DecisionJournal journal;
    private final LedgerCharges ledger;
    private final Ingestor ingestor;
    private final PolicyEngine engine;
    private final MeterRegistry registry;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    Migrator(PlatformDriver driver, TrafficRouter router, ShadowReservations reservations, Scheduler scheduler,
             GridStore grid, DecisionJournal journal, LedgerCharges ledger, Ingestor ingestor, PolicyEngine engine,
             MeterRegistry registry) {
        this.parts = new Migration.Parts(driver, router, reservations, scheduler);
        this.grid = grid;
        this.journal = journal;
        this.ledger = ledger;
        this.ingestor = ingestor;
        this.engine = engine;
        this.registry = registry;
    }

    /** Starts every pending migrate action of {@code decision} not already running here. */
    void execute(Decision decision) {
        for (ActionRecord action : decision.actions()) {
            if (action.type() == ActionType.MIGRATE && action.status() == ActionStatus.PENDING
                    && running.add(action.actionId())) {
                run(action, null);
            }
        }
    }

    /**
     * Carries on each unfinished migrate action of {@code unfinished} from its last recorded state,
     * and settles the charges left open by migrations that had already ended.
     */
    void recover(List<ActionRecord> unfinished) {
        Set<String> migrating = new HashSet<>();
        for (ActionRecord action : unfinished) {
            if (action.type() == ActionType.MIGRATE && !action.status().isFinal()) {
                migrating.add(action.actionId());
                if (running.add(action.actionId())) {
                    LOG.info("migration {} was left at {}: {}", action.actionId(), action.status().wire(),
                            Migration.afterSwitch(action.status()) ? "finishing it" : "rolling it back");
                    run(action, action.status());
                }
            }
        }
        for (ActionRecord action : unfinished) {
            if ((action.type() == ActionType.PENALIZE || action.type() == ActionType.DOWNGRADE)
                    && !migrating.contains(action.target())) {
                ledger.settle(action);
            }
        }
    }

    private void run(ActionRecord action, ActionStatus resumeFrom) {
        if (action.target() == null) {
            finished(action, ActionStatus.ABORTED, "the action names no shadow slot");
            return;
        }
        grid.instance(action.instanceId()).thenCombine(grid.shadowSlot(action.target()), (instance, slot) -> {
            if (resumeFrom == null && (instance.isEmpty() || slot.isEmpty())) {
                String why = instance.isEmpty() ? "instance " + action.instanceId() + " is no longer known"
                        : "shadow slot " + action.target() + " is no longer registered";
                finished(action, ActionStatus.ABORTED, why);
                return null;
            }
            Instance original = instance.orElseGet(() -> Migration.remembered(action));
            ShadowSlot target = slot.orElseGet(() -> Migration.unregistered(action.target()));
            Instance copy = Migration.copyOf(original, target, parts.scheduler().now());
            Policy.Migration policy = engine.current().policy().policy().migration();
            if (resumeFrom == null) {
                grid.setState(original.instanceId(), InstanceState.MIGRATING);
            }
            Migration saga = new Migration(action.actionId(), original, copy, target,
                    new Migration.Limits(policy.timeout(), policy.stepTimeout(), policy.maxConcurrent()), parts,
                    listener(action), () -> ledger.charge(action), () -> moved(action, original, copy));
            CompletionStage<ActionStatus> outcome = resumeFrom == null ? saga.start() : saga.resume(resumeFrom);
            outcome.whenComplete((status, failure) -> {
                ActionStatus end = failure != null ? ActionStatus.FAILED : status;
                if (end == ActionStatus.ABORTED) {
                    grid.setState(original.instanceId(), InstanceState.RUNNING);
                    ledger.cancel(action, "see " + action.actionId());
                }
                count(action, end);
            });
            return null;
        }).exceptionally(failure -> {
            finished(action, ActionStatus.ABORTED, "could not start: " + failure.getMessage());
            return null;
        });
    }

    /**
     * The reconciliation of shadow slots left held by migrations that were rolled back (their copies
     * terminated first) or by actions {@code store} does not know, for the platforms {@code owns}
     * accepts: a pass at start, then every {@link #RECONCILE_EVERY}. Store reads run on {@code storeThreads}.
     */
    SlotReconciliation reconciliation(DurableStore store, Executor storeThreads, Predicate<String> owns) {
        SlotReconciliation.Holders holders = new SlotReconciliation.Holders() {
            @Override
            public CompletionStage<Optional<ActionRecord>> action(String actionId) {
                return CompletableFuture.supplyAsync(() -> store.action(actionId), storeThreads);
            }

            @Override
            public CompletionStage<Optional<ShadowSlot>> slot(String slotId) {
                return grid.shadowSlot(slotId);
            }
        };
        return new SlotReconciliation(parts.reservations(), holders, parts.driver(), parts.scheduler(), RECONCILE_EVERY,
                engine.current().policy().policy().migration().stepTimeout(), owns,
                pass -> LOG.info("slot reconciliation: released {}{}", pass.released(),
                        pass.problems().isEmpty() ? "" : "; not yet freed: " + pass.problems()));
    }

    /** Records each state of {@code action} through the journal; logs what happened after it ended. */
    private MigrationListener listener(ActionRecord action) {
        return new MigrationListener() {
            @Override
            public CompletionStage<Void> reached(ActionStatus status, Instant at, String note) {
                return journal.advance(action.actionId(), status, at, note).thenApply(a -> null);
            }

            @Override
            public void noticed(String note) {
                LOG.info("migration {}: {}", action.actionId(), note);
            }
        };
    }

    /** After the switch: the original's room is free, and the copy is an instance of the slot's platform. */
    private void moved(ActionRecord action, Instance original, Instance copy) {
        grid.setState(original.instanceId(), InstanceState.MIGRATED);
        if ("unknown".equals(copy.platformId())) {
            return;
        }
        ObjectNode started = Json.MAPPER.createObjectNode().put("id", action.actionId() + ":copy")
                .put("type", "instance.started").put("time", copy.startedAt().toString())
                .put("instanceId", copy.instanceId()).put("clientId", copy.clientId())
                .put("platformId", copy.platformId()).put("kind", copy.kind().wire());
        started.putObject("resources").put("cpu", copy.resources().cpu())
                .put("memoryGiB", copy.resources().memoryGiB());
        if (copy.service() != null) {
            started.put("service", copy.service());
        }
        ingestor.ingest(started).whenComplete((o, f) -> {
            if (f != null) {
                LOG.warn("migrated instance {} could not be registered: {}", copy.instanceId(), f.toString());
            }
        });
    }

    private void finished(ActionRecord action, ActionStatus status, String why) {
        journal.advance(action.actionId(), status, parts.scheduler().now(), why);
        ledger.cancel(action, why);
        count(action, status);
    }

    private void count(ActionRecord action, ActionStatus end) {
        running.remove(action.actionId());
        Actuator.countFinished(registry, action, end);
    }
}

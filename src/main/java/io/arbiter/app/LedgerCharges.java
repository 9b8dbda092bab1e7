package io.arbiter.app;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Client;
import io.arbiter.domain.LedgerEntry;
import io.arbiter.domain.LedgerEntryType;
import io.arbiter.domain.SlaTier;
import io.arbiter.ledger.DurableStore;
import io.arbiter.policy.Penalties;
import io.arbiter.policy.PenaltyFacts;
import io.arbiter.policy.PolicyEngine;
import io.arbiter.grid.GridDecisionLog;
import io.arbiter.grid.GridStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Charges a migrated client: runs {@code rules/penalties.drl} for the move, appends what it derives
 * to the ledger under ids taken from the decision's {@code penalize} and {@code downgrade} actions
 * (so a retry, a restart or a takeover cannot charge twice), puts the downgrade into effect, and
 * completes those actions. When the migration is rolled back they are aborted instead. The client's
 * SLA tier is the one the actions kept when the decision was taken, so that a restart of a lone
 * node (whose grid has forgotten the client) charges and downgrades exactly as the first run would
 * have; only actions decided before the tier was kept fall back to the grid.
 */
final class LedgerCharges {

    private final DurableStore store;
    private final GridStore grid;
    private final DecisionJournal journal;
    private final GridDecisionLog log;
    private final PolicyEngine engine;
    private final SlaDowngrades downgrades;
    private final Executor blocking;
    private final Clock clock;

    LedgerCharges(DurableStore store, GridStore grid, GridDecisionLog log, DecisionJournal journal, PolicyEngine engine,
                  SlaDowngrades downgrades, Executor blocking, Clock clock) {
        this.store = store;
        this.grid = grid;
        this.log = log;
        this.journal = journal;
        this.engine = engine;
        this.downgrades = downgrades;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** Charges the client moved by {@code migrate}, once; completes when the ledger has it. */
    CompletionStage<Void> charge(ActionRecord migrate) {
        return ledgerActions(migrate).thenCombine(grid.client(migrate.clientId()), Pending::new)
                .thenCompose(pending -> CompletableFuture.supplyAsync(() -> write(migrate, pending), blocking))
                .thenCompose(done -> done);
    }

    /** Aborts the ledger actions of a migration that was rolled back: nothing is charged. */
    CompletionStage<Void> cancel(ActionRecord migrate, String why) {
        return ledgerActions(migrate).thenCompose(actions -> {
            List<CompletableFuture<?>> steps = new ArrayList<>();
            for (ActionRecord a : actions) {
                steps.add(journal.advance(a.actionId(), ActionStatus.ABORTED, clock.instant(),
                        "nothing charged: the migration was rolled back (" + why + ")").toCompletableFuture());
            }
            return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new));
        });
    }

    /**
     * Settles a ledger action whose migration already ended (after a restart): charges when the
     * migration switched traffic, aborts when it was rolled back.
     */
    CompletionStage<Void> settle(ActionRecord ledgerAction) {
        return log.action(ledgerAction.target()).thenCompose(found -> {
            if (found.isEmpty() || !found.get().status().isFinal()) {
                return CompletableFuture.completedFuture(null);
            }
            ActionRecord migrate = found.get();
            return migrate.status() == ActionStatus.ABORTED ? cancel(migrate, "rolled back before a restart")
                    : charge(migrate);
        });
    }

    private record Pending(List<ActionRecord> actions, Optional<Client> client) {
    }

    private CompletionStage<Void> write(ActionRecord migrate, Pending pending) {
        Instant now = clock.instant();
        PolicyEngine.Snapshot rules = engine.current();
        SlaTier tier = tierWhenDecided(migrate, pending);
        Penalties.Outcome outcome = Penalties.evaluate(rules.rules(), rules.policy(),
                new PenaltyFacts.Moved(migrate.clientId(), migrate.instanceId(), tier, migrate.cvs()));
        List<CompletableFuture<?>> steps = new ArrayList<>();
        for (ActionRecord a : pending.actions()) {
            String note;
            if (a.type() == ActionType.PENALIZE) {
                note = charges(a, migrate, outcome.charges(), now);
            } else {
                note = downgrade(a, migrate, tier, outcome.downgrades(), now);
            }
            steps.add(journal.advance(a.actionId(), ActionStatus.COMPLETED, now, note).toCompletableFuture());
        }
        return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new));
    }

    /** The tier the decision kept with its actions; the grid's, for actions decided before it was kept. */
    private static SlaTier tierWhenDecided(ActionRecord migrate, Pending pending) {
        return pending.actions().stream().map(ActionRecord::slaTier).filter(t -> t != null).findFirst()
                .or(() -> Optional.ofNullable(migrate.slaTier()))
                .orElseGet(() -> pending.client().map(Client::slaTier).orElse(null));
    }

    private String charges(ActionRecord penalize, ActionRecord migrate, List<PenaltyFacts.Charge> charges, Instant now) {
        if (charges.isEmpty()) {
            return "nothing charged: the penalty rules derived no charge";
        }
        List<String> written = new ArrayList<>();
        for (int n = 0; n < charges.size(); n++) {
            PenaltyFacts.Charge c = charges.get(n);
            String entryId = penalize.actionId() + (n == 0 ? "" : "-" + n);
            boolean fresh = store.append(new LedgerEntry(entryId, migrate.clientId(), migrate.decisionId(),
                    LedgerEntryType.PENALTY, c.amount(), c.currency(), null, null, null, now));
            written.add(c.amount().toPlainString() + " " + c.currency() + (fresh ? "" : " (already in the ledger)"));
        }
        return "charged " + String.join(", ", written) + ": " + charges.get(0).reason();
    }

    private String downgrade(ActionRecord action, ActionRecord migrate, SlaTier tier,
                             List<PenaltyFacts.Downgrade> derived, Instant now) {
        if (derived.isEmpty()) {
            return "no downgrade: the penalty rules derived none";
        }
        if (tier == null) {
            return "no downgrade: client " + migrate.clientId() + " is not known here";
        }
        PenaltyFacts.Downgrade d = derived.get(0);
        LedgerEntry entry = new LedgerEntry(action.actionId(), migrate.clientId(), migrate.decisionId(),
                LedgerEntryType.DOWNGRADE, null, null, tier, tier.downgradedBy(d.tiers()), now.plus(d.duration()), now);
        boolean fresh = store.append(entry);
        if (fresh) {
            downgrades.add(entry);
        }
        return "SLA " + tier.wire() + " → " + entry.toTier().wire() + " until " + entry.until()
                + (fresh ? "" : " (already in the ledger)") + ": " + d.reason();
    }

    private CompletionStage<List<ActionRecord>> ledgerActions(ActionRecord migrate) {
        return log.decision(migrate.decisionId()).thenApply(found -> found.map(d -> d.actions().stream()
                .filter(a -> (a.type() == ActionType.PENALIZE || a.type() == ActionType.DOWNGRADE)
                        && migrate.actionId().equals(a.target()) && !a.status().isFinal())
                .toList()).orElse(List.of()));
    }
}

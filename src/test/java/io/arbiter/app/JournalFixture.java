package io.arbiter.app;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.Contention;
import io.arbiter.domain.ContentionReason;
import io.arbiter.domain.Decision;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Severity;
import io.arbiter.grid.GridMember;
import io.arbiter.grid.GridOptions;
import io.arbiter.ledger.DurableStore;
import io.arbiter.ledger.JdbcStore;
import io.arbiter.testing.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The parts of a node that decisions go through, without the rest: a single grid member, a fresh
 * database on the test JVM's PostgreSQL, and the decision journal over both.
 */
final class JournalFixture implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    final GridMember member = GridMember.start(new GridOptions(null, null, Duration.ofHours(1)));
    final DurableStore store = JdbcStore.open(TestDatabase.fresh(), null);
    final DecisionJournal journal = new DecisionJournal(store, member.decisionLog(), 2);

    /** A decision on platform p1 for trigger {@code trigger}, with {@code actions}. */
    static Decision decision(String decisionId, String trigger, List<ActionRecord> actions) {
        return new Decision(decisionId, "p1", trigger, false, new Contention("p1", ContentionReason.CAPACITY,
                Severity.NORMAL, new Resources(4, 0), null), "rules", "policy", T0, actions, new Resources(4, 0),
                Resources.ZERO, Map.of(), List.of(), "test decision");
    }

    @Override
    public void close() {
        journal.close();
        store.close();
        member.close();
    }
}

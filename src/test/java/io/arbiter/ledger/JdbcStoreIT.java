package io.arbiter.ledger;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Contention;
import io.arbiter.domain.ContentionReason;
import io.arbiter.domain.Decision;
import io.arbiter.domain.LedgerEntry;
import io.arbiter.domain.LedgerEntryType;
import io.arbiter.domain.ReservationOutcome;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Severity;
import io.arbiter.domain.SlaTier;
import io.arbiter.testing.Postgres;
import io.arbiter.testing.TestDatabase;
import io.arbiter.testing.ProjectDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JDBC store against a real PostgreSQL (embedded, PostgreSQL 14). */
class JdbcStoreIT {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00.123456789Z");

    private StoreOptions options;
    private JdbcStore store;

    @BeforeEach
    void openOnAnEmptyDatabase() {
        options = TestDatabase.fresh();
        store = JdbcStore.open(options, null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aDecisionReadsBackEqualToWhatWasSavedToTheNanosecond() {
        Decision d = decision("d-1", T0);

        store.saveDecision(d);

        assertThat(store.decision("d-1")).contains(d);
        assertThat(store.decisions()).containsExactly(d);
        assertThat(store.decision("d-unknown")).isEmpty();
    }

    @Test
    void aDecisionWithNoActionsAndNoBeneficiaryReadsBackEqual() {
        Decision d = new Decision("d-empty", "p1", "c-2", true, new Contention("p1", ContentionReason.HARDWARE_FAILURE,
                Severity.EXTREME, new Resources(1, 2), null), "rev", "v1", T0, List.of(), Resources.ZERO,
                new Resources(1, 2), Map.of(), List.of(), "nothing to do");

        store.saveDecision(d);

        assertThat(store.decision("d-empty")).contains(d);
    }

    @Test
    void savingTheSameDecisionTwiceKeepsOneAndLeavesTheFirst() throws Exception {
        Decision first = decision("d-1", T0);
        store.saveDecision(first);
        store.saveDecision(new Decision("d-1", "p1", "other", false, first.contention(), "rev2", "v2", T0.plusSeconds(5),
                List.of(), Resources.ZERO, Resources.ZERO, Map.of(), List.of(), "a second try"));

        assertThat(store.decision("d-1")).contains(first);
        assertThat(count("SELECT count(*) FROM decisions")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM actions")).isEqualTo(2);
    }

    @Test
    void anOlderActionStateNeverOverwritesANewerOne() {
        Decision d = decision("d-1", T0);
        store.saveDecision(d);
        ActionRecord pending = d.actions().get(0);
        ActionRecord graceful = pending.advanced(ActionStatus.GRACEFUL, T0.plusSeconds(1), "asked");
        ActionRecord stopped = graceful.advanced(ActionStatus.STOPPED, T0.plusSeconds(2), "stopped gracefully");

        store.saveAction(stopped);
        store.saveAction(graceful);
        store.saveAction(pending);

        assertThat(store.decision("d-1").orElseThrow().actions().get(0)).isEqualTo(stopped);
        assertThat(store.action("d-1-1")).contains(stopped);
        assertThat(store.action("d-unknown-1")).isEmpty();
        assertThat(store.unfinishedActions()).extracting(ActionRecord::actionId).containsExactly("d-1-2");
    }

    @Test
    void unfinishedActionsComeOldestDecisionFirstInTheirOrder() {
        store.saveDecision(decision("d-late", T0.plusSeconds(60)));
        store.saveDecision(decision("d-early", T0));

        assertThat(store.unfinishedActions()).extracting(ActionRecord::actionId)
                .containsExactly("d-early-1", "d-early-2", "d-late-1", "d-late-2");
    }

    @Test
    void anEntryAppendedTwiceIsKeptOnceAndTheSecondAppendAnswersFalse() throws Exception {
        LedgerEntry penalty = penalty("e-1", "acme", T0);

        assertThat(store.append(penalty)).isTrue();
        assertThat(store.append(penalty)).isFalse();

        assertThat(count("SELECT count(*) FROM ledger")).isEqualTo(1);
        assertThat(store.ledger("acme")).containsExactly(penalty);
    }

    @Test
    void aClientsLedgerComesOldestFirstAndOnlyItsOwn() {
        LedgerEntry later = penalty("e-2", "acme", T0.plusSeconds(10));
        LedgerEntry earlier = downgrade("e-1", "acme", T0, T0.plus(Duration.ofDays(1)));
        store.append(later);
        store.append(earlier);
        store.append(penalty("e-3", "other", T0));

        assertThat(store.ledger("acme")).containsExactly(earlier, later);
        assertThat(store.ledger("nobody")).isEmpty();
    }

    @Test
    void downgradesInForceAreThoseStartedAndNotYetEnded() {
        LedgerEntry ended = downgrade("e-1", "a", T0, T0.plusSeconds(10));
        LedgerEntry running = downgrade("e-2", "b", T0, T0.plusSeconds(100));
        LedgerEntry future = downgrade("e-3", "c", T0.plusSeconds(50), T0.plusSeconds(100));
        List.of(ended, running, future, penalty("e-4", "a", T0)).forEach(store::append);

        assertThat(store.downgradesInForce(T0.plusSeconds(20))).containsExactly(running);
        assertThat(store.downgradesInForce(T0.plusSeconds(10))).containsExactly(running);
        assertThat(store.downgradesInForce(T0.plusSeconds(5))).containsExactly(ended, running);
    }

    @Test
    void aSlotIsHeldByOneActionReEnteredByItAndFreeAgainOnceReleased() {
        assertThat(store.reserve("slot-1", "a-1", 10)).isEqualTo(ReservationOutcome.RESERVED);
        assertThat(store.reserve("slot-1", "a-2", 10)).as("held by another").isEqualTo(ReservationOutcome.HELD_BY_ANOTHER);
        assertThat(store.reserve("slot-1", "a-1", 10)).as("re-entrant").isEqualTo(ReservationOutcome.RESERVED);

        store.release("slot-1", "a-2");
        assertThat(store.reservations()).as("only the holder releases").containsExactly(Map.entry("slot-1", "a-1"));

        store.release("slot-1", "a-1");
        assertThat(store.reservations()).isEmpty();
        assertThat(store.reserve("slot-1", "a-2", 10)).isEqualTo(ReservationOutcome.RESERVED);
    }

    @Test
    void concurrentReservationsOfDifferentSlotsNeverLetMoreMigrationsRunThanTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ReservationOutcome>> tries = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String id = "d-" + i;
                store.saveDecision(migrating(id));
                tries.add(() -> store.reserve("slot-" + id, id + "-1", 3));
            }
            List<ReservationOutcome> outcomes = new java.util.ArrayList<>();
            for (Future<ReservationOutcome> f : pool.invokeAll(tries)) {
                outcomes.add(f.get());
            }

            assertThat(outcomes).filteredOn(o -> o == ReservationOutcome.RESERVED).hasSize(3);
            assertThat(outcomes).filteredOn(o -> o == ReservationOutcome.LIMIT_REACHED).hasSize(13);
            assertThat(store.reservations()).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDecisionThatWouldTakeAClientPastItsDisruptionBudgetIsNotKeptAndNamesTheClientWithItsCount() throws Exception {
        store.saveDecision(interrupting("d-1", T0, "c-a", "c-b"));
        Decision second = interrupting("d-2", T0.plusSeconds(60), "c-a", "c-c");

        assertThat(store.saveDecisionWithinBudget(second, 1, T0.minusSeconds(3600))).containsExactly(Map.entry("c-a", 1));
        assertThat(store.decision("d-2")).as("nothing of it written").isEmpty();
        assertThat(count("SELECT count(*) FROM actions")).isEqualTo(2);

        assertThat(store.saveDecisionWithinBudget(second, 2, T0.minusSeconds(3600))).as("within a budget of 2").isEmpty();
        assertThat(store.decision("d-2")).contains(second);
    }

    @Test
    void interruptionsBeforeTheWindowOrAbortedDoNotCountTowardsTheBudget() {
        Decision first = interrupting("d-1", T0, "c-a", "c-b");
        store.saveDecision(first);
        store.saveAction(first.actions().get(1).advanced(ActionStatus.ABORTED, T0.plusSeconds(1), "never started"));

        assertThat(store.saveDecisionWithinBudget(interrupting("d-2", T0.plusSeconds(60), "c-b"), 1, T0)).isEmpty();
        assertThat(store.saveDecisionWithinBudget(interrupting("d-3", T0.plusSeconds(60), "c-a"), 1, T0.plusSeconds(1)))
                .as("d-1 was decided before the window").isEmpty();
        assertThat(store.saveDecisionWithinBudget(interrupting("d-4", T0.plusSeconds(90), "c-b"), 1, T0))
                .as("d-2 counts").containsExactly(Map.entry("c-b", 1));
    }

    @Test
    void aDecisionKeptAlreadyIsLeftAsItWasWhateverTheBudget() {
        Decision first = interrupting("d-1", T0, "c-a");
        store.saveDecision(first);

        assertThat(store.saveDecisionWithinBudget(interrupting("d-1", T0.plusSeconds(5), "c-a", "c-a"), 0,
                T0.minusSeconds(60))).isEmpty();
        assertThat(store.decision("d-1")).contains(first);
    }

    @Test
    void concurrentDecisionsInterruptingOneClientNeverKeepMoreThanItsBudget() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Map<String, Integer>>> tries = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Decision d = interrupting("d-" + i, T0.plusSeconds(i), "c-shared");
                tries.add(() -> store.saveDecisionWithinBudget(d, 3, T0));
            }
            List<Map<String, Integer>> outcomes = new java.util.ArrayList<>();
            for (Future<Map<String, Integer>> f : pool.invokeAll(tries)) {
                outcomes.add(f.get());
            }

            assertThat(outcomes).filteredOn(Map::isEmpty).as("kept").hasSize(3);
            assertThat(outcomes).filteredOn(o -> !o.isEmpty()).as("refused, each seeing the 3 kept")
                    .hasSize(13).allSatisfy(o -> assertThat(o).containsExactly(Map.entry("c-shared", 3)));
            assertThat(count("SELECT count(*) FROM decisions")).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMigrationKeepsItsClientsSlaTierAtDecisionTimeInTheStore() {
        store.saveDecision(migrating("d-1"));

        assertThat(store.decision("d-1").orElseThrow().actions().get(0).slaTier()).isEqualTo(SlaTier.SILVER);
        assertThat(store.action("d-1-1").orElseThrow()).isEqualTo(migrating("d-1").actions().get(0));
    }

    @Test
    void aMigrationThatEndedNoLongerCountsTowardsTheLimitButOneTheStoreDoesNotKnowDoes() {
        store.saveDecision(migrating("d-1"));
        store.saveDecision(migrating("d-2"));
        assertThat(store.reserve("slot-1", "d-1-1", 2)).isEqualTo(ReservationOutcome.RESERVED);
        assertThat(store.reserve("slot-x", "unknown-1", 2)).isEqualTo(ReservationOutcome.RESERVED);
        assertThat(store.reserve("slot-2", "d-2-1", 2)).isEqualTo(ReservationOutcome.LIMIT_REACHED);

        ActionRecord migrate = store.decision("d-1").orElseThrow().actions().get(0);
        store.saveAction(migrate.advanced(ActionStatus.COMPLETED, T0.plusSeconds(9), "the copy serves"));

        assertThat(store.reserve("slot-2", "d-2-1", 2)).as("a completed migration keeps its slot but is not running")
                .isEqualTo(ReservationOutcome.RESERVED);
        assertThat(store.reservations()).containsOnlyKeys("slot-1", "slot-x", "slot-2");
    }

    @Test
    void concurrentReservationsOfOneSlotLetExactlyOneActionWin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tries = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String action = "a-" + i;
                tries.add(() -> store.reserve("slot-x", action, 100) == ReservationOutcome.RESERVED);
            }
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(tries)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedWriteNamesWhatFailed() {
        store.close();

        assertThatThrownBy(() -> store.append(penalty("e-9", "acme", T0)))
                .isInstanceOf(StoreException.class).hasMessageContaining("appending ledger entry e-9 failed");
        assertThat(store.reachable()).isFalse();
        store = JdbcStore.open(options, null);
    }

    @Test
    void everythingKeptSurvivesStoppingAndRestartingTheServerOnTheSameDataFolder(@TempDir Path dir) {
        Decision d = decision("d-1", T0);
        ActionRecord graceful = d.actions().get(1).advanced(ActionStatus.GRACEFUL, T0.plusSeconds(1), "asked");
        LedgerEntry penalty = penalty("e-1", "acme", T0);
        try (JdbcStore first = JdbcStore.embedded(dir.resolve("postgres"), 2)) {
            first.saveDecision(d);
            first.saveAction(graceful);
            first.append(penalty);
            first.reserve("slot-1", "d-1-2", 10);
        }

        try (JdbcStore again = JdbcStore.embedded(dir.resolve("postgres"), 2)) {
            assertThat(again.decision("d-1").orElseThrow().actions()).containsExactly(d.actions().get(0), graceful);
            assertThat(again.ledger("acme")).containsExactly(penalty);
            assertThat(again.reservations()).containsExactly(Map.entry("slot-1", "d-1-2"));
            assertThat(again.reachable()).isTrue();
        }
    }

    @Test
    void theEmbeddedDefaultNoLongerRunsWithSynchronousCommitOrFsyncOff(@TempDir Path dir) {
        try (EmbeddedDatabase server = EmbeddedDatabase.start(dir.resolve("postgres"))) {
            StoreOptions own = server.options("postgres", 1);

            assertThat(Postgres.show(own, "synchronous_commit")).isEqualTo("on");
            assertThat(Postgres.show(own, "fsync")).isEqualTo("on");
            assertThat(Postgres.show(own, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void theSchemaIsMigratedFromAnEmptyDatabase() throws Exception {
        long migrations;
        try (var files = java.nio.file.Files.list(ProjectDir.path().resolve("src/main/resources/db/migration"))) {
            migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE success")).isEqualTo(migrations);
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_name IN ('decisions', 'actions', 'ledger', 'reservations')")).isEqualTo(4);
        store.close();
        store = JdbcStore.open(options, null);
        assertThat(count("SELECT count(*) FROM flyway_schema_history")).as("nothing migrated twice").isEqualTo(migrations);
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(options.jdbcUrl(), options.user(), options.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Decision decision(String id, Instant at) {
        List<ActionRecord> actions = List.of(action(id, 1, "i1", 0.25, at), action(id, 2, "i2", 0.5, at));
        return new Decision(id, "p1", "c-1", false, new Contention("p1", ContentionReason.CAPACITY, Severity.NORMAL,
                new Resources(8, 32.5), "acme"), "rev-abc", "v3", at, actions, new Resources(4, 16),
                new Resources(0.5, 0), Map.of("over disruption budget", 2, "inside minimum run time", 1),
                List.of("interrupt-lowest", "spare-young"), "Interrupting 2 instance(s).");
    }

    /** A decision at {@code at} interrupting one instance of each of {@code clients}, in order ({@code <id>-1}, …). */
    private static Decision interrupting(String id, Instant at, String... clients) {
        List<ActionRecord> actions = new java.util.ArrayList<>();
        for (int n = 0; n < clients.length; n++) {
            actions.add(new ActionRecord(id + "-" + (n + 1), id, ActionType.INTERRUPT, "p-" + id, "i-" + id + "-" + n,
                    clients[n], 0.2, "lowest CVS", null, null, ActionStatus.PENDING,
                    List.of(new ActionRecord.Step(ActionStatus.PENDING, at, "decided"))));
        }
        return new Decision(id, "p-" + id, "k-" + id, false, new Contention("p-" + id, ContentionReason.CAPACITY,
                Severity.NORMAL, new Resources(1, 1), null), "rev", "v1", at, actions, new Resources(1, 1),
                Resources.ZERO, Map.of(), List.of(), "interrupting");
    }

    /** A decision with one migrate action ({@code <id>-1}), reserving. */
    private static Decision migrating(String id) {
        ActionRecord migrate = new ActionRecord(id + "-1", id, ActionType.MIGRATE, "p-" + id, "u-" + id, "c-" + id,
                0.1, "extreme contention", "slot-" + id, SlaTier.SILVER, ActionStatus.RESERVING,
                List.of(new ActionRecord.Step(ActionStatus.RESERVING, T0, "reserving")));
        return new Decision(id, "p-" + id, "k-" + id, false, new Contention("p-" + id, ContentionReason.CAPACITY,
                Severity.EXTREME, new Resources(8, 0), null), "rev", "v1", T0, List.of(migrate), new Resources(8, 0),
                Resources.ZERO, Map.of(), List.of(), "migrating");
    }

    private static ActionRecord action(String decisionId, int n, String instance, double cvs, Instant at) {
        return new ActionRecord(decisionId + "-" + n, decisionId, ActionType.INTERRUPT, "p1", instance, "c-" + n, cvs,
                "lowest CVS", n == 1 ? null : "target-" + n, null, ActionStatus.PENDING,
                List.of(new ActionRecord.Step(ActionStatus.PENDING, at, "decided")));
    }

    static LedgerEntry penalty(String id, String client, Instant at) {
        return new LedgerEntry(id, client, "d-1", LedgerEntryType.PENALTY, new BigDecimal("125.50"), "EUR", null, null,
                null, at);
    }

    private static LedgerEntry downgrade(String id, String client, Instant at, Instant until) {
        return new LedgerEntry(id, client, "d-1", LedgerEntryType.DOWNGRADE, null, null, SlaTier.GOLD, SlaTier.SILVER,
                until, at);
    }
}

package io.arbiter.actuation;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceKind;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.Resources;
import io.arbiter.domain.ShadowSlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a migration leaves behind when it is rolled back and something does not go to plan: a copy
 * that cannot be terminated, a slot that cannot be released, a step given up on that succeeds late.
 * The simulator's instances are live backends here, so a copy left alive really serves; slot
 * reconciliation then finishes what the rollback could not.
 */
class MigrationCleanupTest {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
    private static final Instance ORIGINAL = new Instance("u1", "bronze", "rack", InstanceKind.UNINTERRUPTIBLE,
            new Resources(8, 16), "shop", T0.minusSeconds(3600), InstanceState.RUNNING);
    private static final ShadowSlot SLOT = new ShadowSlot("slot-a", "spare", new Resources(8, 32));
    private static final Instance COPY = Migration.copyOf(ORIGINAL, SLOT, T0);
    private static final Migration.Limits LIMITS = new Migration.Limits(Duration.ofMinutes(5), Duration.ofMinutes(1), 2);

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final SimulatorDriver driver = new SimulatorDriver(scheduler, SimulatorDriver.Behaviour.stopsAfter(Duration.ZERO));
    private final RecordingRouter router = new RecordingRouter();
    private final MemoryReservations slots = new MemoryReservations();
    private final Map<String, ActionRecord> actions = new ConcurrentHashMap<>();
    private final List<String> noticed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startTheOriginal() {
        driver.startBackend(ORIGINAL);
    }

    @AfterEach
    void stopBackends() {
        driver.close();
    }

    @Test
    void aCopyThatCannotBeTerminatedDuringRollbackKeepsItsSlotUntilReconciliationTerminatesIt() throws Exception {
        driver.behave(COPY.instanceId(), driver.behaviourOf(COPY.instanceId())
                .withRestore(SimulatorDriver.OnRestore.HANG, Duration.ZERO).withTerminate(true, false));
        CompletionStage<ActionStatus> outcome = migration("d-1-1").start();

        scheduler.advance(Duration.ofMinutes(1));

        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.ABORTED);
        assertThat(lastNote("d-1-1")).contains("restoring took longer than the step timeout",
                "the copy u1@slot-a could not be terminated, so slot slot-a stays reserved until reconciliation"
                        + " terminates it: simulated termination failure of u1@slot-a", "the original keeps serving");
        assertThat(slots.held).containsEntry("slot-a", "d-1-1");
        assertThat(pass().problems()).singleElement().asString().contains("simulated termination failure");
        assertThat(slots.held).as("kept while the copy may live").containsEntry("slot-a", "d-1-1");

        driver.behave(COPY.instanceId(), driver.behaviourOf(COPY.instanceId()).withTerminate(false, false));
        SlotReconciliation.Pass pass = pass();

        assertThat(pass.released()).containsExactly("slot-a");
        assertThat(slots.held).isEmpty();
        assertThat(driver.calls()).filteredOn(("terminate " + COPY.instanceId())::equals).hasSize(3);
    }

    @Test
    void aSlotThatCannotBeReleasedDuringRollbackIsRecordedAndFreedByReconciliation() {
        driver.behave(COPY.instanceId(), driver.behaviourOf(COPY.instanceId())
                .withRestore(SimulatorDriver.OnRestore.HANG, Duration.ZERO));
        slots.failingReleases.set(1);
        migration("d-1-1").start();

        scheduler.advance(Duration.ofMinutes(1));

        assertThat(actions.get("d-1-1").status()).isEqualTo(ActionStatus.ABORTED);
        assertThat(lastNote("d-1-1")).contains("slot slot-a could not be released; reconciliation releases it: the store"
                + " is down");
        assertThat(slots.held).containsEntry("slot-a", "d-1-1");

        assertThat(pass().released()).containsExactly("slot-a");
        assertThat(slots.held).isEmpty();
    }

    @Test
    void aCopyRestoredAfterItsMigrationRolledBackIsTerminatedAndItsSlotFreed() throws Exception {
        driver.behave("u1", driver.behaviourOf("u1").withRestore(SimulatorDriver.OnRestore.COMPLETE,
                Duration.ofSeconds(90)));
        CompletionStage<ActionStatus> outcome = migration("d-1-1").start();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.ABORTED);
        assertThat(slots.held).isEmpty();

        scheduler.advance(Duration.ofSeconds(30));

        assertThatThrownBy(() -> endpoint(COPY)).as("the late copy no longer runs").hasMessageContaining("not running");
        assertThat(driver.calls()).filteredOn(("terminate " + COPY.instanceId())::equals).hasSize(2);
        assertThat(slots.held).isEmpty();
        assertThat(noticed).containsExactly("the copy u1@slot-a came up after the migration was rolled back; terminated");
        assertThat(endpoint(ORIGINAL)).as("the original keeps serving").isNotNull();
    }

    @Test
    void aCopyRestoredLateThatCannotBeTerminatedKeepsItsSlotUntilReconciliationTerminatesIt() throws Exception {
        driver.behave("u1", driver.behaviourOf("u1").withRestore(SimulatorDriver.OnRestore.COMPLETE,
                Duration.ofSeconds(90)));
        migration("d-1-1").start();
        scheduler.advance(Duration.ofMinutes(1));
        driver.behave(COPY.instanceId(), driver.behaviourOf("u1").withTerminate(true, false));

        scheduler.advance(Duration.ofSeconds(30));

        assertThat(endpoint(COPY)).as("the late copy runs").isNotNull();
        assertThat(slots.held).containsEntry("slot-a", "d-1-1");
        assertThat(noticed).singleElement().asString().contains("could not be terminated", "reconciliation does it");

        driver.behave(COPY.instanceId(), driver.behaviourOf(COPY.instanceId()).withTerminate(false, false));
        pass();

        assertThatThrownBy(() -> endpoint(COPY)).hasMessageContaining("not running");
        assertThat(slots.held).isEmpty();
    }

    @Test
    void aReservationAnsweredAfterItsStepTimedOutIsReleasedAgain() {
        CompletableFuture<Void> storeAnswers = new CompletableFuture<>();
        slots.reserveWaitsFor = storeAnswers;
        CompletionStage<ActionStatus> outcome = migration("d-1-1").start();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.ABORTED);
        assertThat(lastNote("d-1-1")).contains("reserving took longer than the step timeout");

        storeAnswers.complete(null);

        assertThat(slots.held).isEmpty();
        assertThat(noticed).containsExactly("slot slot-a was reserved after its step timed out; released again");
        assertThat(driver.calls()).noneMatch(c -> c.startsWith("snapshot"));
    }

    @Test
    void reconciliationKeepsTheSlotsOfMigrationsRunningCompletedFailedOrArbitratedElsewhereAndFreesUnknownHolders() {
        hold("slot-run", "d-run-1", ActionStatus.RESTORING, "rack");
        hold("slot-done", "d-done-1", ActionStatus.COMPLETED, "rack");
        hold("slot-failed", "d-failed-1", ActionStatus.FAILED, "rack");
        hold("slot-theirs", "d-theirs-1", ActionStatus.ABORTED, "elsewhere");
        hold("slot-ours", "d-ours-1", ActionStatus.ABORTED, "rack");
        slots.held.put("slot-orphan", "d-nobody-1");

        SlotReconciliation.Pass pass = pass();

        assertThat(pass.released()).containsExactlyInAnyOrder("slot-ours", "slot-orphan");
        assertThat(slots.held).containsOnlyKeys("slot-run", "slot-done", "slot-failed", "slot-theirs");
        assertThat(driver.calls()).containsExactly("terminate u1@slot-ours");
    }

    @Test
    void reconciliationRunsAtStartAndThenEveryPeriodUntilClosed() {
        slots.held.put("slot-1", "d-nobody-1");
        List<SlotReconciliation.Pass> reports = new CopyOnWriteArrayList<>();
        try (SlotReconciliation reconciliation = reconciliation(reports::add)) {
            reconciliation.start();
            assertThat(slots.held).as("freed at start").isEmpty();

            slots.held.put("slot-2", "d-nobody-2");
            scheduler.advance(Duration.ofSeconds(29));
            assertThat(slots.held).containsKey("slot-2");
            scheduler.advance(Duration.ofSeconds(1));
            assertThat(slots.held).isEmpty();

            reconciliation.close();
            slots.held.put("slot-3", "d-nobody-3");
            scheduler.advance(Duration.ofMinutes(5));
            assertThat(slots.held).containsKey("slot-3");
            assertThat(reports).extracting(SlotReconciliation.Pass::released)
                    .containsExactly(List.of("slot-1"), List.of("slot-2"));
        }
    }

    /** {@code slotId} held by migrate action {@code actionId} of a platform, in {@code status}. */
    private void hold(String slotId, String actionId, ActionStatus status, String platformId) {
        actions.put(actionId, new ActionRecord(actionId, "d", ActionType.MIGRATE, platformId, "u1", "bronze", 0.1,
                "extreme contention", slotId, null, status, List.of(new ActionRecord.Step(ActionStatus.PENDING, T0, "decided"),
                new ActionRecord.Step(status, T0, status.wire()))));
        slots.held.put(slotId, actionId);
    }

    private SlotReconciliation.Pass pass() {
        return reconciliation(p -> { }).pass().toCompletableFuture().join();
    }

    /** Reconciliation over {@link #actions} and {@link #slots}, every 30 s, for the platforms other than "elsewhere". */
    private SlotReconciliation reconciliation(Consumer<SlotReconciliation.Pass> report) {
        SlotReconciliation.Holders holders = new SlotReconciliation.Holders() {
            @Override
            public CompletionStage<Optional<ActionRecord>> action(String actionId) {
                return CompletableFuture.completedFuture(Optional.ofNullable(actions.get(actionId)));
            }

            @Override
            public CompletionStage<Optional<ShadowSlot>> slot(String slotId) {
                return CompletableFuture.completedFuture(Optional.of(new ShadowSlot(slotId, "spare",
                        SLOT.capacity())));
            }
        };
        return new SlotReconciliation(slots, holders, driver, scheduler, Duration.ofSeconds(30), Duration.ofMinutes(1),
                platform -> !platform.equals("elsewhere"), report);
    }

    /** Migrate action {@code actionId} of ORIGINAL into SLOT, its states kept in {@link #actions}. */
    private Migration migration(String actionId) {
        actions.put(actionId, new ActionRecord(actionId, "d-1", ActionType.MIGRATE, ORIGINAL.platformId(),
                ORIGINAL.instanceId(), ORIGINAL.clientId(), 0.1, "extreme contention", SLOT.slotId(), null,
                ActionStatus.PENDING, List.of(new ActionRecord.Step(ActionStatus.PENDING, T0, "decided"))));
        MigrationListener listener = new MigrationListener() {
            @Override
            public CompletionStage<Void> reached(ActionStatus status, Instant at, String note) {
                actions.computeIfPresent(actionId, (id, a) -> a.advanced(status, at, note));
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void noticed(String note) {
                noticed.add(note);
            }
        };
        return new Migration(actionId, ORIGINAL, COPY, SLOT, LIMITS, new Migration.Parts(driver, router, slots, scheduler),
                listener, () -> CompletableFuture.completedFuture(null), () -> { });
    }

    private String lastNote(String actionId) {
        List<ActionRecord.Step> history = actions.get(actionId).history();
        return history.get(history.size() - 1).note();
    }

    private Object endpoint(Instance instance) throws Exception {
        try {
            return driver.endpoint(instance).toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }
}

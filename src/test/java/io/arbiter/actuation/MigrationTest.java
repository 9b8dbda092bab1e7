package io.arbiter.actuation;

import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.Endpoint;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceKind;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.ReservationOutcome;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Route;
import io.arbiter.domain.ShadowSlot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationTest {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
    private static final Instance ORIGINAL = new Instance("u1", "bronze", "rack", InstanceKind.UNINTERRUPTIBLE,
            new Resources(8, 16), "shop", T0.minusSeconds(3600), InstanceState.RUNNING);
    private static final Instance COPY = new Instance("u1@slot-a", "bronze", "spare", InstanceKind.UNINTERRUPTIBLE,
            new Resources(8, 16), "shop", T0, InstanceState.RUNNING);
    private static final ShadowSlot SLOT = new ShadowSlot("slot-a", "spare", new Resources(8, 32));
    private static final Migration.Limits TIMEOUTS = new Migration.Limits(Duration.ofMinutes(5),
            Duration.ofMinutes(1), 2);

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final FakeDriver driver = new FakeDriver();
    private final RecordingRouter router = new RecordingRouter();
    private final MemoryReservations slots = new MemoryReservations();
    private final Map<String, String> reservations = slots.held;
    private final List<String> states = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final AtomicInteger charges = new AtomicInteger();
    private final AtomicInteger releases = new AtomicInteger();
    private MigrationListener listener = (status, at, note) -> {
        states.add(status.wire());
        notes.add(note);
        return CompletableFuture.completedFuture(null);
    };

    private Migration migration(Instance original, Migration.Limits timeouts) {
        return migration(original, timeouts, driver);
    }

    private Migration migration(Instance original, Migration.Limits timeouts, PlatformDriver platform) {
        return new Migration("d-1-1", original, COPY, SLOT, timeouts,
                new Migration.Parts(platform, router, slots, scheduler), (s, at, n) -> listener.reached(s, at, n),
                () -> {
                    charges.incrementAndGet();
                    return CompletableFuture.completedFuture(null);
                }, releases::incrementAndGet);
    }

    @Test
    void aMigrationGoesThroughEveryStepAndSwitchesTheServiceToTheCopy() {
        CompletionStage<ActionStatus> outcome = migration(ORIGINAL, TIMEOUTS).start();

        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.COMPLETED);
        assertThat(states).containsExactly("reserving", "snapshotting", "restoring", "pausing", "final-copy",
                "switching", "resuming", "terminating-original", "releasing", "completed");
        assertThat(driver.calls).containsExactly("snapshot u1 full", "restore u1@slot-a s1", "snapshot u1 since s1",
                "restore u1@slot-a s2", "endpoint u1@slot-a", "terminate u1");
        assertThat(router.calls).containsExactly("pause shop", "point shop u1@slot-a 127.0.0.1:9002", "resume shop");
        assertThat(charges).hasValue(1);
        assertThat(releases).hasValue(1);
        assertThat(reservations).containsEntry("slot-a", "d-1-1");
    }

    @Test
    void aRestoreThatHangsPastTheStepTimeoutRollsBackAndTheOriginalKeepsServing() {
        driver.restoreHangs = true;
        CompletionStage<ActionStatus> outcome = migration(ORIGINAL, TIMEOUTS).start();
        scheduler.advance(Duration.ofSeconds(59));
        assertThat(outcome.toCompletableFuture()).isNotDone();

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.ABORTED);
        assertThat(states).containsExactly("reserving", "snapshotting", "restoring", "rolling-back", "aborted");
        assertThat(driver.calls).contains("terminate u1@slot-a").doesNotContain("terminate u1");
        assertThat(router.calls).isEmpty();
        assertThat(reservations).isEmpty();
        assertThat(charges).hasValue(0);
        assertThat(releases).hasValue(0);
    }

    @Test
    void aStepIsBoundedBeforeItsStateIsRecordedSoTimeThatPassesTheMomentTheStateIsReadCountsAgainstIt() {
        driver.restoreHangs = true;
        MigrationListener recording = listener;
        listener = (status, at, note) -> {
            CompletionStage<Void> recorded = recording.reached(status, at, note);
            if (status == ActionStatus.RESTORING) {
                // Whoever reads the new state (a test, a slow store) lets the step's whole timeout pass at once.
                scheduler.advance(Duration.ofMinutes(1));
            }
            return recorded;
        };

        CompletionStage<ActionStatus> outcome = migration(ORIGINAL, TIMEOUTS).start();

        assertThat(outcome.toCompletableFuture()).as("the restore's step timeout had started").isCompletedWithValue(
                ActionStatus.ABORTED);
        assertThat(states).containsExactly("reserving", "snapshotting", "restoring", "rolling-back", "aborted");
    }

    @Test
    void theWholeMigrationIsBoundedByItsTimeoutEvenWhenEachStepIsQuick() {
        driver.restoreHangs = true;
        CompletionStage<ActionStatus> outcome = migration(ORIGINAL,
                new Migration.Limits(Duration.ofSeconds(10), Duration.ofMinutes(1), 2)).start();

        scheduler.advance(Duration.ofSeconds(10));

        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.ABORTED);
        assertThat(states).last().isEqualTo("aborted");
    }

    @Test
    void aFailureWhileTheRouterHoldsRequestsResumesTheServiceOnTheOriginal() {
        driver.failSince = true;
        CompletionStage<ActionStatus> outcome = migration(ORIGINAL, TIMEOUTS).start();

        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.ABORTED);
        assertThat(states).containsSubsequence("pausing", "final-copy", "rolling-back", "aborted");
        assertThat(router.calls).containsExactly("pause shop", "resume shop");
        assertThat(router.routes).isEmpty();
        assertThat(reservations).isEmpty();
    }

    @Test
    void aSlotHeldByAnotherMigrationAbortsBeforeAnythingIsDone() {
        reservations.put("slot-a", "d-other-1");
        CompletionStage<ActionStatus> outcome = migration(ORIGINAL, TIMEOUTS).start();

        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.ABORTED);
        assertThat(states).containsExactly("reserving", "aborted");
        assertThat(driver.calls).isEmpty();
        assertThat(reservations).containsEntry("slot-a", "d-other-1");
    }

    @Test
    void aMigrationRefusedItsSlotBecauseTheMostConcurrentMigrationsRunIsAbortedBeforeItStartsAndNotCharged() {
        reservations.put("slot-b", "d-2-1");
        reservations.put("slot-c", "d-3-1");

        CompletionStage<ActionStatus> outcome = migration(ORIGINAL, TIMEOUTS).start();

        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.ABORTED);
        assertThat(states).containsExactly("reserving", "aborted");
        assertThat(notes.get(1)).contains("2 migration(s) are running already", "migration.maxConcurrent");
        assertThat(driver.calls).isEmpty();
        assertThat(router.calls).isEmpty();
        assertThat(charges).hasValue(0);
        assertThat(reservations).doesNotContainKey("slot-a");
    }

    @Test
    void terminatingTheOriginalIsRetriedAfterTheSwitch() {
        driver.terminateFailures = 2;
        CompletionStage<ActionStatus> outcome = migration(ORIGINAL, TIMEOUTS).start();
        assertThat(outcome.toCompletableFuture()).isNotDone();

        scheduler.advance(Duration.ofSeconds(3));

        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.COMPLETED);
        assertThat(driver.calls.stream().filter("terminate u1"::equals)).hasSize(3);
        assertThat(charges).hasValue(1);
    }

    @Test
    void anOriginalThatCannotBeTerminatedFailsTheMigrationButTheClientWasStillMoved() {
        driver.terminateFailures = 100;
        CompletionStage<ActionStatus> outcome = migration(ORIGINAL, TIMEOUTS).start();

        scheduler.advance(Duration.ofMinutes(1));

        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.FAILED);
        assertThat(driver.calls.stream().filter("terminate u1"::equals)).hasSize(Migration.TERMINATE_ATTEMPTS);
        assertThat(router.routes).containsKey("shop");
        assertThat(charges).hasValue(1);
        assertThat(states).last().isEqualTo("failed");
    }

    @Test
    void anOriginalWhoseTerminationHangsAfterTheSwitchFailsTheMigrationOnceFiveAttemptsEachTimedOut() {
        SimulatorDriver simulator = new SimulatorDriver(scheduler, SimulatorDriver.Behaviour.stopsAfter(Duration.ZERO));
        simulator.behave("u1", simulator.behaviourOf("u1").withTerminate(false, true));
        Instance quiet = new Instance("u1", "bronze", "rack", InstanceKind.UNINTERRUPTIBLE, new Resources(8, 16), null,
                T0.minusSeconds(3600), InstanceState.RUNNING);
        CompletionStage<ActionStatus> outcome = migration(quiet, TIMEOUTS, simulator).start();
        assertThat(states).last().isEqualTo("terminating-original");

        // Five attempts of one minute each, 1 + 2 + 4 + 8 s apart: past the whole-migration timeout
        // too, which no longer applies once traffic was switched.
        scheduler.advance(Duration.ofMinutes(5).plusSeconds(14));
        assertThat(outcome.toCompletableFuture()).isNotDone();
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.FAILED);
        assertThat(simulator.calls()).filteredOn("terminate u1"::equals).hasSize(Migration.TERMINATE_ATTEMPTS);
        assertThat(states).last().isEqualTo("failed");
        assertThat(notes).last().asString().contains("traffic was switched", "could not be terminated after 5 attempts",
                "took longer than the step timeout of PT1M");
        assertThat(charges).hasValue(1);
        assertThat(releases).as("the original still holds its room").hasValue(0);
    }

    @Test
    void aRouterThatNeverResumesTheServiceAfterTheSwitchFailsTheMigrationWithinTheStepTimeout() {
        router.resumeHangs = true;
        CompletionStage<ActionStatus> outcome = migration(ORIGINAL, TIMEOUTS).start();
        scheduler.advance(Duration.ofSeconds(59));
        assertThat(outcome.toCompletableFuture()).isNotDone();

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.FAILED);
        assertThat(states).containsSubsequence("switching", "resuming", "failed");
        assertThat(notes).last().asString().contains("traffic was switched, but resuming took longer than the step timeout");
        assertThat(driver.calls).doesNotContain("terminate u1");
        assertThat(charges).hasValue(1);
    }

    @Test
    void aSwitchThatNeverCompletesFailsTheMigrationWithinTheStepTimeoutAndTheClientIsStillChargedOnce() {
        router.pointHangs = true;
        CompletionStage<ActionStatus> outcome = migration(ORIGINAL, TIMEOUTS).start();

        scheduler.advance(Duration.ofMinutes(1));

        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.FAILED);
        assertThat(states).containsSubsequence("switching", "failed").doesNotContain("resuming");
        assertThat(notes).last().asString().contains("the switch did not complete: switching took longer than the step"
                + " timeout");
        assertThat(charges).hasValue(1);
    }

    @Test
    void aChargeThatNeverAnswersFailsTheMigrationInsteadOfLeavingItRunning() {
        CompletionStage<ActionStatus> outcome = new Migration("d-1-1", ORIGINAL, COPY, SLOT, TIMEOUTS,
                new Migration.Parts(driver, router, slots, scheduler), (s, at, n) -> listener.reached(s, at, n),
                CompletableFuture::new, releases::incrementAndGet).start();

        scheduler.advance(Duration.ofMinutes(2));

        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.FAILED);
        assertThat(notes).last().asString().contains("charging client bronze took longer than the step timeout");
    }

    @Test
    void resumedAfterTheSwitchItFinishesWithoutRecordingEarlierStatesAgain() {
        CompletionStage<ActionStatus> outcome = migration(ORIGINAL, TIMEOUTS).resume(ActionStatus.TERMINATING);

        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.COMPLETED);
        assertThat(states).containsExactly("releasing", "completed");
        assertThat(driver.calls).contains("terminate u1").noneMatch(c -> c.startsWith("snapshot"));
        assertThat(charges).hasValue(1);
    }

    @Test
    void resumedBeforeTheSwitchItRollsBack() {
        reservations.put("slot-a", "d-1-1");
        CompletionStage<ActionStatus> outcome = migration(ORIGINAL, TIMEOUTS).resume(ActionStatus.RESTORING);

        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.ABORTED);
        assertThat(states).containsExactly("rolling-back", "aborted");
        assertThat(reservations).isEmpty();
        assertThat(router.calls).containsExactly("resume shop");
        assertThat(charges).hasValue(0);
    }

    @Test
    void aStateThatCannotBeRecordedBeforeTheSwitchAbortsTheMigration() {
        listener = (status, at, note) -> {
            states.add(status.wire());
            return status == ActionStatus.RESTORING ? CompletableFuture.failedFuture(new IllegalStateException("store down"))
                    : CompletableFuture.completedFuture(null);
        };
        CompletionStage<ActionStatus> outcome = migration(ORIGINAL, TIMEOUTS).start();

        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.ABORTED);
        assertThat(driver.calls).doesNotContain("restore u1@slot-a s1");
        assertThat(reservations).isEmpty();
    }

    @Test
    void aPauseWhoseStateIsRecordedOnlyAfterItsStepTimedOutIsNeverAskedOfTheRouter() {
        CompletableFuture<Void> slowStore = new CompletableFuture<>();
        listener = (status, at, note) -> {
            states.add(status.wire());
            return status == ActionStatus.PAUSING ? slowStore : CompletableFuture.completedFuture(null);
        };
        CompletionStage<ActionStatus> outcome = migration(ORIGINAL, TIMEOUTS).start();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.ABORTED);

        slowStore.complete(null);

        assertThat(router.calls).as("a pause now would hold the service's requests for good").isEmpty();
        assertThat(reservations).isEmpty();
    }

    @Test
    void anInstanceWithoutRoutedTrafficSkipsTheRouter() {
        Instance quiet = new Instance("u1", "bronze", "rack", InstanceKind.UNINTERRUPTIBLE, new Resources(8, 16), null,
                T0.minusSeconds(3600), InstanceState.RUNNING);
        CompletionStage<ActionStatus> outcome = migration(quiet, TIMEOUTS).start();

        assertThat(outcome.toCompletableFuture()).isCompletedWithValue(ActionStatus.COMPLETED);
        assertThat(router.calls).isEmpty();
        assertThat(driver.calls).doesNotContain("endpoint u1@slot-a");
    }

    /** A platform that copies instantly unless told otherwise. */
    private final class FakeDriver implements PlatformDriver {
        final List<String> calls = new ArrayList<>();
        boolean restoreHangs;
        boolean failSince;
        int terminateFailures;
        private int snapshots;

        @Override
        public CompletionStage<Void> shutdown(Instance instance, Duration grace) {
            throw new AssertionError("a migration never shuts an instance down gracefully");
        }

        @Override
        public CompletionStage<Void> terminate(Instance instance) {
            calls.add("terminate " + instance.instanceId());
            if (instance.instanceId().equals("u1") && terminateFailures-- > 0) {
                return CompletableFuture.failedFuture(new IllegalStateException("platform busy"));
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Snapshot> snapshot(Instance instance, Snapshot base) {
            calls.add("snapshot " + instance.instanceId() + (base == null ? " full" : " since " + base.snapshotId()));
            if (base != null && failSince) {
                return CompletableFuture.failedFuture(new IllegalStateException("copy failed"));
            }
            snapshots++;
            return CompletableFuture.completedFuture(new Snapshot("s" + snapshots, instance.instanceId(), snapshots,
                    base == null ? null : base.snapshotId(), 100));
        }

        @Override
        public CompletionStage<Void> restore(Instance copy, ShadowSlot slot, Snapshot snapshot) {
            calls.add("restore " + copy.instanceId() + " " + snapshot.snapshotId());
            return restoreHangs ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Endpoint> endpoint(Instance instance) {
            calls.add("endpoint " + instance.instanceId());
            return CompletableFuture.completedFuture(new Endpoint("127.0.0.1", 9002));
        }
    }
}

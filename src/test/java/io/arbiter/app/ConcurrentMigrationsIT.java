package io.arbiter.app;

import io.arbiter.actuation.ManualScheduler;
import io.arbiter.actuation.RecordingRouter;
import io.arbiter.actuation.Migration;
import io.arbiter.actuation.SimulatorDriver;
import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Contention;
import io.arbiter.domain.ContentionReason;
import io.arbiter.domain.Decision;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceKind;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Severity;
import io.arbiter.domain.ShadowSlot;
import io.arbiter.ledger.JdbcStore;
import io.arbiter.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Migrations decided at the same moment on different platforms, each reserving its own shadow slot
 * in the real store (PostgreSQL): however they interleave, no more of them run than
 * {@code migration.maxConcurrent}; the others end {@code aborted} before they start, with the
 * reason, and nobody is charged for them.
 */
class ConcurrentMigrationsIT {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
    private static final int LIMIT = 2;
    private static final int PLATFORMS = 6;
    private static final Migration.Limits LIMITS = new Migration.Limits(Duration.ofMinutes(5), Duration.ofMinutes(1),
            LIMIT);

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final ExecutorService storeThreads = Executors.newFixedThreadPool(PLATFORMS);
    private final Map<String, ActionRecord> actions = new ConcurrentHashMap<>();
    private final AtomicInteger charges = new AtomicInteger();
    private final RecordingRouter router = new RecordingRouter();
    private JdbcStore store;
    private SimulatorDriver driver;

    @BeforeEach
    void open() {
        store = JdbcStore.open(TestDatabase.fresh(), null);
        // Restores hang, so the migrations that got a slot stay running.
        driver = new SimulatorDriver(scheduler, SimulatorDriver.Behaviour.stopsAfter(Duration.ZERO)
                .withRestore(SimulatorDriver.OnRestore.HANG, Duration.ZERO));
    }

    @AfterEach
    void close() {
        storeThreads.shutdownNow();
        driver.close();
        store.close();
    }

    @Test
    void extremeContentionsOnDifferentPlatformsAtOnceNeverRunMoreMigrationsThanTheLimit() throws Exception {
        List<Migration> migrations = new ArrayList<>();
        for (int n = 0; n < PLATFORMS; n++) {
            migrations.add(migration("p" + n));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService deciders = Executors.newFixedThreadPool(PLATFORMS);
        List<CompletableFuture<ActionStatus>> outcomes = new ArrayList<>();
        try {
            for (Migration m : migrations) {
                CompletableFuture<ActionStatus> outcome = new CompletableFuture<>();
                outcomes.add(outcome);
                deciders.execute(() -> {
                    try {
                        go.await();
                        m.start().whenComplete((s, f) -> outcome.complete(s));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            go.countDown();

            await().atMost(30, TimeUnit.SECONDS).until(() -> actions.values().stream()
                    .allMatch(a -> a.status() == ActionStatus.RESTORING || a.status() == ActionStatus.ABORTED));
        } finally {
            deciders.shutdown();
        }

        assertThat(actions.values()).filteredOn(a -> a.status() == ActionStatus.RESTORING).hasSize(LIMIT);
        List<ActionRecord> refused = actions.values().stream().filter(a -> a.status() == ActionStatus.ABORTED).toList();
        assertThat(refused).hasSize(PLATFORMS - LIMIT);
        assertThat(refused).allSatisfy(a -> {
            assertThat(a.history()).extracting(ActionRecord.Step::status)
                    .containsExactly(ActionStatus.PENDING, ActionStatus.RESERVING, ActionStatus.ABORTED);
            assertThat(a.history().get(2).note()).contains("migration.maxConcurrent");
        });
        assertThat(store.reservations()).hasSize(LIMIT);
        assertThat(charges).hasValue(0);
        assertThat(driver.calls()).filteredOn(c -> c.startsWith("snapshot")).hasSize(LIMIT);
        assertThat(router.calls).as("these instances serve no routed traffic").isEmpty();

        // Once the running ones have ended (their restores time out), a new migration gets a slot.
        scheduler.advance(Duration.ofMinutes(1));
        await().atMost(30, TimeUnit.SECONDS).until(() -> CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .isDone());
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isCompletedWithValue(ActionStatus.ABORTED));
        assertThat(store.reservations()).isEmpty();
        migration("p-next").start();
        await().atMost(30, TimeUnit.SECONDS).until(() -> actions.get("d-p-next-1").status() == ActionStatus.RESTORING);
    }

    /** Decision {@code d-<p>} with one migrate action, kept in the store, and its saga, not started. */
    private Migration migration(String platform) {
        String decisionId = "d-" + platform;
        Instance original = new Instance("u-" + platform, "c-" + platform, platform, InstanceKind.UNINTERRUPTIBLE,
                new Resources(8, 8), null, T0.minusSeconds(3600), InstanceState.RUNNING);
        ShadowSlot slot = new ShadowSlot("slot-" + platform, "spare-" + platform, new Resources(8, 16));
        Instance copy = new Instance(original.instanceId() + "@" + slot.slotId(), original.clientId(), slot.platformId(),
                original.kind(), original.resources(), null, T0, InstanceState.RUNNING);
        ActionRecord migrate = new ActionRecord(decisionId + "-1", decisionId, ActionType.MIGRATE, platform,
                original.instanceId(), original.clientId(), 0.1, "extreme contention", slot.slotId(), null,
                ActionStatus.PENDING, List.of(new ActionRecord.Step(ActionStatus.PENDING, T0, "decided")));
        store.saveDecision(new Decision(decisionId, platform, "k-" + platform, false, new Contention(platform,
                ContentionReason.CAPACITY, Severity.EXTREME, new Resources(8, 0), "vip"), "rev", "v1", T0,
                List.of(migrate), new Resources(8, 0), Resources.ZERO, Map.of(), List.of(), "migrating"));
        actions.put(migrate.actionId(), migrate);
        return new Migration(migrate.actionId(), original, copy, slot, LIMITS,
                new Migration.Parts(driver, router, new StoreReservations(store, storeThreads), scheduler),
                (status, at, note) -> {
                    ActionRecord next = actions.compute(migrate.actionId(), (id, a) -> a.advanced(status, at, note));
                    store.saveAction(next);
                    return CompletableFuture.completedFuture(null);
                },
                () -> {
                    charges.incrementAndGet();
                    return CompletableFuture.completedFuture(null);
                }, () -> { });
    }
}

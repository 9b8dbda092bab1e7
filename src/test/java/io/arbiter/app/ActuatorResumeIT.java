package io.arbiter.app;

import io.arbiter.actuation.ManualScheduler;
import io.arbiter.actuation.SimulatorDriver;
import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Decision;
import io.arbiter.grid.GridMember;
import io.arbiter.ingest.BodyParser;
import io.arbiter.ingest.IngestMetrics;
import io.arbiter.ingest.Ingestor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.instance;
import static io.arbiter.testing.Events.platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Taking actions up again after a takeover: the list of unfinished actions is read from the
 * decision log before it is acted on, and an action this member finished meanwhile must not be
 * carried out a second time (regression: a new owner interrupted instances twice when the list it
 * took up was seconds old).
 */
class ActuatorResumeIT {

    private static final Instant T0 = JournalFixture.T0;

    private final JournalFixture parts = new JournalFixture();
    private final GridMember member = parts.member;
    private final DecisionJournal journal = parts.journal;
    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final SimulatorDriver simulator = new SimulatorDriver(scheduler,
            SimulatorDriver.Behaviour.stopsAfter(Duration.ZERO));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Ingestor ingestor = new Ingestor(member.store(), new IngestMetrics(registry),
            Clock.fixed(T0, ZoneOffset.UTC));
    private final Actuator actuator = new Actuator(simulator, scheduler, member.store(), journal, member.claims(),
            ingestor, () -> Duration.ofSeconds(30), registry);

    @AfterEach
    void stop() {
        simulator.close();
        parts.close();
    }

    @Test
    void anActionFinishedSinceTheListOfUnfinishedActionsWasReadIsNotCarriedOutAgain() throws Exception {
        JsonArray events = new JsonArray().add(platform("e-p1", "p1", 16, 64)).add(client("e-c1", "c1", "bronze"))
                .add(instance("e-i1", "i1", "c1", "p1", "interruptible", 4, 8));
        ingestor.ingest(BodyParser.events(events.encode().getBytes(StandardCharsets.UTF_8), false))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        ActionRecord pending = new ActionRecord("d-1-1", "d-1", ActionType.INTERRUPT, "p1", "i1", "c1", 0.25,
                "lowest value", null, null, ActionStatus.PENDING, List.of(new ActionRecord.Step(ActionStatus.PENDING, T0,
                "decided")));
        Decision decision = JournalFixture.decision("d-1", "k1", List.of(pending));
        journal.record(decision, 1, T0.minusSeconds(3600)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        actuator.execute(decision);
        await().atMost(10, TimeUnit.SECONDS).until(() -> journal.current("d-1-1").toCompletableFuture().join()
                .map(a -> a.status() == ActionStatus.STOPPED).orElse(false));

        actuator.resume(List.of(pending));

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> simulator.callsFor("i1"),
                calls -> calls.equals(List.of("shutdown i1")));
    }
}

package io.arbiter.actuation;

import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceKind;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.Resources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InterruptionTest {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final SimulatorDriver driver = new SimulatorDriver(scheduler,
            SimulatorDriver.Behaviour.stopsAfter(Duration.ofSeconds(5)));
    private final List<String> history = new ArrayList<>();
    private final ActionListener listener = (id, status, at, note) ->
            history.add(status.wire() + "@" + Duration.between(T0, at).toSeconds());

    private static final Instance I1 = new Instance("i1", "c", "p", InstanceKind.INTERRUPTIBLE, new Resources(1, 1),
            null, T0.minusSeconds(3600), InstanceState.RUNNING);

    private void interrupt() {
        new Interruption("a1", I1, GRACE, driver, scheduler, listener).start();
    }

    @Test
    void anInstanceThatStopsWithinTheGracePeriodIsStoppedNotTerminated() {
        interrupt();
        scheduler.advance(Duration.ofMinutes(5));

        assertThat(history).containsExactly("graceful@0", "stopped@5");
        assertThat(driver.calls()).containsExactly("shutdown i1");
    }

    @Test
    void anInstanceThatIgnoresTheShutdownIsTerminatedWhenTheGracePeriodEnds() {
        driver.behave("i1", SimulatorDriver.Behaviour.ignoresShutdown());

        interrupt();
        scheduler.advance(Duration.ofSeconds(29));
        assertThat(history).containsExactly("graceful@0");
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(history).containsExactly("graceful@0", "terminated@30");
        assertThat(driver.calls()).containsExactly("shutdown i1", "terminate i1");
    }

    @Test
    void aFailedShutdownCallIsFollowedByTerminationAtOnce() {
        driver.behave("i1", SimulatorDriver.Behaviour.shutdownFails());

        interrupt();

        assertThat(history).containsExactly("graceful@0", "terminated@0");
    }

    @Test
    void aSlowStopAfterTheGracePeriodDoesNotUndoTheTermination() {
        driver.behave("i1", SimulatorDriver.Behaviour.stopsAfter(Duration.ofSeconds(45)));

        interrupt();
        scheduler.advance(Duration.ofMinutes(2));

        assertThat(history).containsExactly("graceful@0", "terminated@30");
    }

    @Test
    void aFailedTerminationIsReportedAsFailed() {
        driver.behave("i1", new SimulatorDriver.Behaviour(SimulatorDriver.OnShutdown.IGNORE, Duration.ZERO, true));

        interrupt();
        scheduler.advance(GRACE);

        assertThat(history).containsExactly("graceful@0", "failed@30");
        assertThat(ActionStatus.FAILED.isFinal()).isTrue();
    }
}

package io.arbiter.grid;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.Contention;
import io.arbiter.domain.ContentionReason;
import io.arbiter.domain.Decision;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid's decision log on one real member. */
class GridDecisionLogIT {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    private final GridMember member = GridMember.start(new GridOptions(null, null, Duration.ofHours(1)));

    @AfterEach
    void stop() {
        member.close();
    }

    @Test
    void aDecisionWhoseActionsItsDeciderDiedBeforeWritingGetsThemWhenRecordedAgainAndIsToBeCarriedOut()
            throws Exception {
        ActionRecord interrupt = new ActionRecord("d-half-1", "d-half", ActionType.INTERRUPT, "p1", "i1", "c1", 0.25,
                "lowest value", null, null, ActionStatus.PENDING,
                List.of(new ActionRecord.Step(ActionStatus.PENDING, T0, "decided")));
        Decision decision = new Decision("d-half", "p1", "k1", false, new Contention("p1", ContentionReason.CAPACITY,
                Severity.NORMAL, new Resources(4, 0), null), "rev", "v1", T0, List.of(interrupt), new Resources(4, 0),
                Resources.ZERO, Map.of(), List.of(), "interrupting i1");
        // What a member killed between writing the decision and writing its actions leaves behind.
        member.hazelcast().getMap(GridMaps.DECISIONS).put("d-half", decision);
        GridDecisionLog log = member.decisionLog();
        assertThat(log.action("d-half-1").toCompletableFuture().get(10, TimeUnit.SECONDS)).isEmpty();

        GridDecisionLog.Recorded again = log.record(decision).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(again.isNew()).as("to be carried out by whoever recorded it again").isTrue();
        assertThat(log.action("d-half-1").toCompletableFuture().get(10, TimeUnit.SECONDS)).contains(interrupt);
        assertThat(log.record(decision).toCompletableFuture().get(10, TimeUnit.SECONDS).isNew())
                .as("once whole, recorded again it is not new").isFalse();
    }
}

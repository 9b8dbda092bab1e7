package io.arbiter.app;

import io.arbiter.grid.MinorityException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Waiting for a decision to be stored, as a contention's acknowledgement does. */
class DecisionJournalIT {

    private final JournalFixture parts = new JournalFixture();

    @AfterEach
    void stop() {
        parts.close();
    }

    @Test
    void aDecisionRecordedInTheGridsLogByAnyMemberEndsTheWaitAtOnce() throws Exception {
        CompletableFuture<Void> stored = parts.journal.stored("d-elsewhere", Duration.ofSeconds(30)).toCompletableFuture();

        parts.member.decisionLog().record(JournalFixture.decision("d-elsewhere", "k1", List.of()))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        stored.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aDecisionThatCouldNotBeTakenWhileSomeoneWaitsFailsTheWait() {
        CompletableFuture<Void> stored = parts.journal.stored("d-refused", Duration.ofSeconds(30)).toCompletableFuture();

        parts.journal.failed("d-refused", new MinorityException("refusing to decide contention k1"));

        assertThatThrownBy(() -> stored.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(MinorityException.class).hasMessageContaining("refusing to decide contention k1");
    }

    @Test
    void aFailureBeforeTheWaitBeganIsNotHeldAgainstTheContentionSentAgainButItsDecisionIs() throws Exception {
        // Refused while nobody waited: the contention stays pending and is tried again.
        parts.journal.failed("d-healed", new MinorityException("refusing to decide contention k1"));
        CompletableFuture<Void> stored = parts.journal.stored("d-healed", Duration.ofSeconds(30)).toCompletableFuture();
        assertThat(stored).as("waiting for the next attempt, not failed by the last").isNotDone();

        parts.member.decisionLog().record(JournalFixture.decision("d-healed", "k1", List.of()))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        stored.get(5, TimeUnit.SECONDS);
        assertThat(parts.journal.stored("d-healed", Duration.ofMillis(1)).toCompletableFuture())
                .as("a decision stored is remembered for who waits after").isCompletedWithValue(null);
    }

    @Test
    void aDecisionNobodyTookFailsTheWaitSayingItWasNotStoredInTime() {
        CompletableFuture<Void> stored = parts.journal.stored("d-never", Duration.ofMillis(300)).toCompletableFuture();

        assertThatThrownBy(() -> stored.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("decision d-never was not stored within PT0.3S");
        assertThat(stored).isCompletedExceptionally();
    }
}

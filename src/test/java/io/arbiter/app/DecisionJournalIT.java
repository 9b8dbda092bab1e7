package io.arbiter.app;

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
    void aDecisionNobodyTookFailsTheWaitSayingItWasNotStoredInTime() {
        CompletableFuture<Void> stored = parts.journal.stored("d-never", Duration.ofMillis(300)).toCompletableFuture();

        assertThatThrownBy(() -> stored.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("decision d-never was not stored within PT0.3S");
        assertThat(stored).isCompletedExceptionally();
    }
}
